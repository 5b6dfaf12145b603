using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Cluster.Tests.Gateway;

/// <summary>
/// Every write endpoint gets its documented example with one thing broken at every place in the body (see
/// <see cref="BodyMutation"/>). No answer is a 5xx; a refused body is a 4xx problem and leaves every resource the
/// documented reads show byte for byte as it was; an accepted one leaves every read answering.
/// </summary>
public sealed class WriteEndpointFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mutated_bodies_of_every_write_endpoint_are_refused_without_changing_state()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var examples = DocumentedExample.All(await OpenApiDocumentTests.DocumentAsync(gateway));
        var session = new ExampleSession(gateway.Admin());
        foreach (var write in ExampleSession.InRunOrder(examples).Where(e => e.IsWrite))
            Assert.True((await session.SendAsync(write)).IsSuccessStatusCode, $"the example of {write} failed");
        var reads = examples.Where(e => e.Method == "GET" && IsStable(e)).ToList();

        var tried = new SortedDictionary<string, (int Refused, int Accepted)>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var write in examples.Where(e => e.IsWrite && e.Body is not null))
        {
            foreach (var group in BodyMutation.Of(write.Body!).GroupBy(m => m.MustBeRefused))
            {
                var before = await StateAsync(session, reads);
                foreach (var mutation in group)
                {
                    var response = await session.SendAsync(write, mutation.Body);
                    var status = (int)response.StatusCode;
                    var refused = status is >= 400 and < 500;
                    var counts = tried.GetValueOrDefault(mutation.Kind);
                    tried[mutation.Kind] = refused ? (counts.Refused + 1, counts.Accepted) : (counts.Refused, counts.Accepted + 1);
                    if (refused && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{write} {mutation}: {status} without problem+json");
                    if (mutation.MustBeRefused && !refused)
                        failures.Add($"{write} {mutation}: {status} {Clip(await response.Content.ReadAsStringAsync())}");
                    if (!mutation.MustBeRefused)
                    {
                        var after = await StateAsync(session, reads);
                        if (refused && after != before)
                            failures.Add($"{write} {mutation}: refused with {status} but the state changed: {Difference(before, after)}");
                        if (!refused && (status >= 500 || after.Contains("\n!", StringComparison.Ordinal)))
                            failures.Add($"{write} {mutation}: accepted with {status}, and then a read failed: {Clip(after)}");
                        before = after;
                    }
                }

                if (group.Key && await StateAsync(session, reads) is var changed && changed != before)
                    failures.Add($"{write}: mutations that were refused changed the state: {Difference(before, changed)}");
            }
        }

        foreach (var (kind, counts) in tried)
            output.WriteLine($"{kind}: {counts.Refused} refused, {counts.Accepted} accepted");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(25)));
        Assert.True(tried.Values.Sum(c => c.Refused) > 500, "too few mutations were tried");
    }

    // Analytics trends are windows ending at the server's clock; they move with every read, the data does not.
    private static readonly Regex ClockWindow = new("\"(earlierFrom|recentFrom|to)\":\"[^\"]*\"", RegexOptions.Compiled);

    // Cluster views count calls and activations, health answers the time: they change with every request. Documents
    // move from pending to completed, and their knowledge base's version with them, as ingestion runs in the background.
    private static bool IsStable(DocumentedExample read) =>
        read.PathTemplate.StartsWith("/api/v1/", StringComparison.Ordinal) && !read.PathTemplate.StartsWith("/api/v1/cluster/", StringComparison.Ordinal)
        && !read.PathTemplate.StartsWith("/api/v1/knowledge-bases", StringComparison.Ordinal);

    /// <summary>Every stable read's status and body; a failed read is marked with a line starting "!".</summary>
    private static async Task<string> StateAsync(ExampleSession session, IReadOnlyList<DocumentedExample> reads)
    {
        var state = new StringBuilder();
        foreach (var read in reads)
        {
            var response = await session.SendAsync(read);
            state.Append(response.IsSuccessStatusCode || (int)response.StatusCode == 404 ? "\n" : "\n!")
                .Append((int)response.StatusCode).Append(' ').Append(read).Append(' ')
                .Append(ClockWindow.Replace(await response.Content.ReadAsStringAsync(), "\"$1\":\"now\""));
        }

        return state.ToString();
    }

    private static string Difference(string before, string after)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        for (var i = 0; i < Math.Min(old.Length, now.Length); i++)
        {
            if (old[i] != now[i])
            {
                var at = 0;
                while (at < Math.Min(old[i].Length, now[i].Length) && old[i][at] == now[i][at])
                    at++;
                var from = Math.Max(0, at - 120);
                return $"{old[i][..Math.Min(old[i].Length, 60)]}… was …{Clip(old[i][from..])} now …{Clip(now[i][from..])}";
            }
        }

        return "reads were added or lost";
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
