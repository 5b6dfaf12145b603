using System.Net;
using System.Text;
using Cluster.Fixtures;
using Xunit;
using static Cluster.Tests.Knowledge.Http.KnowledgeApi;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>The knowledge API end to end through the gateway, on real PostgreSQL with the real local embedder.</summary>
[Collection(KnowledgeGatewayCollection.Name)]
public sealed class KnowledgeHttpTests(KnowledgeGatewayFixture fixture)
{
    private KnowledgeApi Api => fixture.Api;

    [Fact]
    public async Task Every_supported_format_uploaded_through_the_gateway_is_found_by_search()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var uploads = new (string Name, byte[] Content, string Query)[]
        {
            ("notes.txt", Encoding.UTF8.GetBytes("Penguins huddle together to survive the Antarctic winter."), "penguins antarctic winter"),
            ("guide.md", Encoding.UTF8.GetBytes("# Volcanoes\n\nBasalt lava flows from shield volcanoes in Hawaii."), "basalt lava hawaii"),
            ("page.html", Encoding.UTF8.GetBytes("<html><body><h1>Bread</h1><p>Sourdough needs a starter of wild yeast.</p><script>var x;</script></body></html>"), "sourdough wild yeast starter"),
            ("report.docx", DocumentFixtures.Docx("Report", ("Heading1", "Tides"), (null, "The moon's gravity raises ocean tides twice a day.")), "moon gravity ocean tides"),
            ("paper.pdf", DocumentFixtures.Pdf("Paper", ["Glaciers carve deep fjords in Norway."]), "glaciers fjords norway"),
        };

        var ids = new List<string>();
        foreach (var (name, content, _) in uploads)
            ids.Add(await AcceptedIdAsync(UploadFileAsync(tenant.Http, kb, content, name)));
        foreach (var id in ids)
            Assert.Equal("completed", (await FinishedAsync(tenant.Http, kb, id))["status"]!.GetValue<string>());
        await WaitForVersionAsync(tenant.Http, kb, ids.Count);

        for (var i = 0; i < uploads.Length; i++)
        {
            var found = await SearchAsync(tenant.Http, kb, uploads[i].Query, topK: 1);
            Assert.Equal(ids[i], Assert.Single(DocumentIds(found)));
        }
    }

    [Fact]
    public async Task Each_search_mode_finds_the_document_it_should()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var cats = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Cats", "Domestic cats sleep for most of the day and hunt at dusk."));
        var rust = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Rust", "The borrow checker enforces ownership rules at compile time."));
        await FinishedAsync(tenant.Http, kb, cats);
        await FinishedAsync(tenant.Http, kb, rust);
        await WaitForVersionAsync(tenant.Http, kb, 2);

        Assert.Equal(rust, DocumentIds(await SearchAsync(tenant.Http, kb, "borrow checker ownership", "keyword")).First());
        // No shared words: only the embedding can connect the question to the passage.
        Assert.Equal(cats, DocumentIds(await SearchAsync(tenant.Http, kb, "when do kittens nap", "vector")).First());
        Assert.Equal(cats, DocumentIds(await SearchAsync(tenant.Http, kb, "cats hunt at dusk", "hybrid")).First());
        var none = await SearchAsync(tenant.Http, kb, "zzzqqq", "keyword");
        Assert.Empty(none["results"]!.AsArray());
    }

    [Fact]
    public async Task A_completed_document_moves_the_version_and_appears_in_search_and_a_deleted_one_leaves_it()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var before = await SearchAsync(tenant.Http, kb, "lighthouse keeper", "keyword");

        var doc = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Lighthouse", "The lighthouse keeper trims the lamp wick every evening."));
        await FinishedAsync(tenant.Http, kb, doc);
        await WaitForVersionAsync(tenant.Http, kb, 1);
        var after = await SearchAsync(tenant.Http, kb, "lighthouse keeper", "keyword");

        Assert.True(after["version"]!.GetValue<long>() > before["version"]!.GetValue<long>());
        Assert.Equal([doc], DocumentIds(after));

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Http.DeleteAsync($"/api/v1/knowledge-bases/{kb}/documents/{doc}")).StatusCode);
        var gone = await SearchAsync(tenant.Http, kb, "lighthouse keeper", "keyword");
        Assert.Empty(gone["results"]!.AsArray());
        Assert.True(gone["version"]!.GetValue<long>() > after["version"]!.GetValue<long>());
        Assert.Equal(0, await Api.UsedBytesAsync(tenant));
        await ProblemAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents/{doc}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_content_again_is_refused_409_naming_the_first_document_and_charges_nothing()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var first = await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "Tea", "Green tea is steamed, black tea is oxidised."));
        var used = await Api.UsedBytesAsync(tenant);

        var again = await ProblemAsync(await UploadTextAsync(tenant.Http, kb, "Tea again", "Green tea is steamed,   black tea is oxidised."), HttpStatusCode.Conflict);

        Assert.Contains(first, again["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(used, await Api.UsedBytesAsync(tenant));
    }

    [Fact]
    public async Task Oversized_empty_unsupported_and_corrupt_uploads_are_refused_and_leave_the_quota_untouched()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);

        var oversized = await ProblemAsync(await UploadFileAsync(tenant.Http, kb, new byte[KnowledgeGatewayFixture.MaxDocumentBytes + 1].Select(_ => (byte)'a').ToArray(), "big.txt"), HttpStatusCode.BadRequest);
        Assert.Equal("file", oversized["field"]!.GetValue<string>());
        await ProblemAsync(await UploadTextAsync(tenant.Http, kb, "Blank", "   "), HttpStatusCode.BadRequest);
        await ProblemAsync(await UploadFileAsync(tenant.Http, kb, Encoding.UTF8.GetBytes("\n \n"), "blank.txt"), HttpStatusCode.UnprocessableEntity);
        await ProblemAsync(await UploadFileAsync(tenant.Http, kb, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "photo.png"), HttpStatusCode.UnsupportedMediaType);
        var pdf = DocumentFixtures.Pdf("Cut", ["Half a document."]);
        await ProblemAsync(await UploadFileAsync(tenant.Http, kb, pdf[..(pdf.Length / 2)], "cut.pdf"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(0, await Api.UsedBytesAsync(tenant));
        var listed = await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents"), HttpStatusCode.OK);
        Assert.Empty(listed["documents"]!.AsArray());
    }

    [Fact]
    public async Task Concurrent_uploads_never_charge_more_than_the_quota()
    {
        const int fits = 5;
        var text = new string('q', 1000);
        var tenant = await Api.CreateTenantAsync(quotaBytes: fits * 1010);
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);

        var uploads = Enumerable.Range(0, 4 * fits)
            .Select(i => UploadTextAsync(tenant.Http, kb, $"doc {i}", $"{i:D4} " + text[5..]))
            .ToArray();
        var responses = await Task.WhenAll(uploads);

        Assert.Equal(fits, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode));
        Assert.Equal(fits * 1000, await Api.UsedBytesAsync(tenant));
    }

    [Fact]
    public async Task Another_tenants_key_sees_its_knowledge_bases_as_missing()
    {
        var owner = await Api.CreateTenantAsync();
        var other = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(owner.Http);
        var doc = await AcceptedIdAsync(UploadTextAsync(owner.Http, kb, "Secret", "The launch date is in March."));

        await ProblemAsync(await other.Http.GetAsync($"/api/v1/knowledge-bases/{kb}"), HttpStatusCode.NotFound);
        await ProblemAsync(await other.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/search", Json("""{"query":"launch"}""")), HttpStatusCode.NotFound);
        await ProblemAsync(await other.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents/{doc}"), HttpStatusCode.NotFound);
        await ProblemAsync(await UploadTextAsync(other.Http, kb, "Intrusion", "Written by someone else."), HttpStatusCode.NotFound);
        await ProblemAsync(await other.Http.DeleteAsync($"/api/v1/knowledge-bases/{kb}"), HttpStatusCode.NotFound);
        var listed = await ReadAsync(await other.Http.GetAsync("/api/v1/knowledge-bases"), HttpStatusCode.OK);
        Assert.Empty(listed["knowledgeBases"]!.AsArray());
        Assert.Equal(0, await Api.UsedBytesAsync(other));
    }

    [Fact]
    public async Task A_key_can_do_only_what_its_capabilities_allow()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var reader = await Api.KeyAsync(tenant, "retrieve");
        var writer = await Api.KeyAsync(tenant, "ingest");

        await ProblemAsync(await UploadTextAsync(reader, kb, "No", "Readers cannot write."), HttpStatusCode.Forbidden);
        await ProblemAsync(await reader.PostAsync("/api/v1/knowledge-bases", Json("""{"name":"nope"}""")), HttpStatusCode.Forbidden);
        await ProblemAsync(await writer.PostAsync($"/api/v1/knowledge-bases/{kb}/search", Json("""{"query":"x"}""")), HttpStatusCode.Forbidden);
        var doc = await AcceptedIdAsync(UploadTextAsync(writer, kb, "Yes", "Writers can add documents."));
        await ReadAsync(await reader.GetAsync($"/api/v1/knowledge-bases/{kb}/documents/{doc}"), HttpStatusCode.OK);
        await ReadAsync(await reader.PostAsync($"/api/v1/knowledge-bases/{kb}/search", Json("""{"query":"writers"}""")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Knowledge_bases_are_created_read_changed_listed_and_deleted_with_their_documents_storage_released()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http, """{"name":"faq","chunking":{"size":400,"overlap":40}}""");
        await AcceptedIdAsync(UploadTextAsync(tenant.Http, kb, "One", "First document of the base."));

        var patched = await ReadAsync(await tenant.Http.PatchAsync($"/api/v1/knowledge-bases/{kb}", Json("""{"name":"faq 2","weights":{"keyword":2,"vector":1}}""")), HttpStatusCode.OK);
        Assert.Equal(("faq 2", 400), (patched["name"]!.GetValue<string>(), patched["chunking"]!["size"]!.GetValue<int>()));
        var listed = await ReadAsync(await tenant.Http.GetAsync("/api/v1/knowledge-bases"), HttpStatusCode.OK);
        Assert.Equal([kb], listed["knowledgeBases"]!.AsArray().Select(k => k!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Http.DeleteAsync($"/api/v1/knowledge-bases/{kb}")).StatusCode);
        await ProblemAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}"), HttpStatusCode.NotFound);
        Assert.Equal(0, await Api.UsedBytesAsync(tenant));
    }

    [Fact]
    public async Task Invalid_requests_name_the_offending_field()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);

        foreach (var (body, field) in new[]
        {
            ("""{"query":"x","topK":101}""", "topK"),
            ("""{"query":"","topK":5}""", "query"),
            ("""{"query":"x","mode":"fuzzy"}""", "mode"),
            ("""{"query":"x","extra":1}""", "extra"),
        })
        {
            var problem = await ProblemAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/search", Json(body)), HttpStatusCode.BadRequest);
            Assert.Equal(field, problem["field"]!.GetValue<string>());
        }
        var chunking = await ProblemAsync(await tenant.Http.PostAsync("/api/v1/knowledge-bases", Json("""{"name":"x","chunking":{"size":10,"overlap":0}}""")), HttpStatusCode.BadRequest);
        Assert.Equal("chunking.size", chunking["field"]!.GetValue<string>());
        var batch = await ProblemAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/batch",
            Json("""{"documents":[{"title":"a","text":"fine"},{"title":"b","text":""}]}""")), HttpStatusCode.BadRequest);
        Assert.Equal("documents[1].text", batch["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_is_stored_whole_and_listed_by_status_in_pages()
    {
        var tenant = await Api.CreateTenantAsync();
        var kb = await CreateKnowledgeBaseAsync(tenant.Http);
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            documents = Enumerable.Range(0, 7).Select(i => new { title = $"Item {i}", text = $"Catalogue entry number {i} describes a widget." }),
        });

        var accepted = await ReadAsync(await tenant.Http.PostAsync($"/api/v1/knowledge-bases/{kb}/documents/batch", Json(body)), HttpStatusCode.Accepted);
        var ids = accepted["ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        foreach (var id in ids)
            await FinishedAsync(tenant.Http, kb, id);

        var first = await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents?status=completed&limit=4"), HttpStatusCode.OK);
        var next = first["next"]!.GetValue<string>();
        var second = await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents?status=completed&limit=4&after={next}"), HttpStatusCode.OK);
        var listed = first["documents"]!.AsArray().Concat(second["documents"]!.AsArray()).Select(d => d!["id"]!.GetValue<string>());
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed);
        var pending = await ReadAsync(await tenant.Http.GetAsync($"/api/v1/knowledge-bases/{kb}/documents?status=pending"), HttpStatusCode.OK);
        Assert.Empty(pending["documents"]!.AsArray());
    }
}
