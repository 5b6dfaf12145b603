using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cluster.Bench;
using Cluster.Fixtures;
using Cluster.GrainInterfaces.Knowledge.Ingestion;
using Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Parsing and chunking speed per format on one generated document (the same prose as .txt, .md, .html, .docx and
/// .pdf): median parse and chunk times over the rounds, characters per second, chunks made, and each format's parse
/// time against plain text's, measured in the same run. Usage: <c>ingest-parse [--sections N] [--rounds N]</c>.
/// </summary>
public static class IngestParseMode
{
    private static readonly string[] Vocabulary =
        ("the of and to in is that for it as with was on be by this are from at or an have not which but all can their " +
         "cluster silo grain state storage query index chunk document tenant search vector keyword model answer request " +
         "latency memory network failure recovery replica partition message actor snapshot version heading section " +
         "paragraph sentence token embedding quota key capability upload parser format page table list").Split(' ');

    public static int Run(string[] args)
    {
        var sections = BenchOptions.IntOption(args, "--sections", 40);
        var rounds = BenchOptions.IntOption(args, "--rounds", 7);
        var corpus = Corpus(sections);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("doc.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", corpus.Select(s => s.Heading + "\n\n" + string.Join("\n\n", s.Paragraphs))))),
            ("doc.md", Encoding.UTF8.GetBytes(string.Join("\n\n", corpus.Select(s => "## " + s.Heading + "\n\n" + string.Join("\n\n", s.Paragraphs))))),
            ("doc.html", Encoding.UTF8.GetBytes("<html><body>" + string.Concat(corpus.Select(s => "<h2>" + s.Heading + "</h2>" + string.Concat(s.Paragraphs.Select(p => "<p>" + p + "</p>")))) + "</body></html>")),
            ("doc.docx", DocumentFixtures.Docx("Bench", [.. corpus.SelectMany(s => s.Paragraphs.Select(p => ((string?)null, p)).Prepend(("Heading2", s.Heading)))])),
            ("doc.pdf", DocumentFixtures.Pdf("Bench", Pages(corpus))),
        };

        var result = new Dictionary<string, object> { ["mode"] = "ingest-parse", ["sections"] = sections, ["rounds"] = rounds };
        double? baseline = null;
        foreach (var (name, bytes) in files)
        {
            var format = Path.GetExtension(name)[1..];
            var parseMs = new List<double>();
            var chunkMs = new List<double>();
            ParsedDocument parsed = null!;
            IReadOnlyList<DocumentChunk> chunks = [];
            for (var round = 0; round <= rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                parsed = DocumentParser.Parse(bytes, name, null);
                var parsedAt = clock.Elapsed.TotalMilliseconds;
                chunks = TextChunker.Chunk(parsed, ChunkingOptions.Default);
                // Round 0 warms the JIT and the libraries' caches.
                if (round == 0)
                    continue;
                parseMs.Add(parsedAt);
                chunkMs.Add(clock.Elapsed.TotalMilliseconds - parsedAt);
            }

            var parse = BenchResult.Median(parseMs);
            var chunk = BenchResult.Median(chunkMs);
            baseline ??= parse;
            result[$"{format}_bytes"] = bytes.Length;
            result[$"{format}_chars"] = parsed.Text.Length;
            result[$"{format}_chunks"] = chunks.Count;
            result[$"{format}_parse_ms_p50"] = Math.Round(parse, 3);
            result[$"{format}_chunk_ms_p50"] = Math.Round(chunk, 3);
            result[$"{format}_mchars_per_s"] = Math.Round(parsed.Text.Length / (parse + chunk) / 1_000, 2);
            result[$"{format}_parse_vs_txt"] = Math.Round(parse / baseline.Value, 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format}: {bytes.Length} bytes, {parsed.Text.Length} chars, parse {parse:F2} ms, chunk {chunk:F2} ms, {chunks.Count} chunks"));
        }

        return BenchResult.Print(result);
    }

    private static List<(string Heading, List<string> Paragraphs)> Corpus(int sections)
    {
        var random = new Random(11);
        var corpus = new List<(string, List<string>)>();
        for (var s = 0; s < sections; s++)
        {
            var paragraphs = new List<string>();
            for (var p = 0; p < 6; p++)
            {
                var text = new StringBuilder();
                for (var sentence = 0; sentence < 5; sentence++)
                {
                    var words = random.Next(8, 18);
                    for (var w = 0; w < words; w++)
                    {
                        var word = Vocabulary[random.Next(Vocabulary.Length)];
                        text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? ". " : " ");
                    }
                }

                paragraphs.Add(text.ToString().TrimEnd());
            }

            corpus.Add(($"Section {s + 1}", paragraphs));
        }

        return corpus;
    }

    /// <summary>The prose as PDF pages of 50 lines of at most 90 characters, as a typeset page would hold it.</summary>
    private static string[][] Pages(List<(string Heading, List<string> Paragraphs)> corpus)
    {
        var lines = new List<string>();
        foreach (var (heading, paragraphs) in corpus)
        {
            lines.Add(heading);
            foreach (var paragraph in paragraphs)
            {
                var line = new StringBuilder();
                foreach (var word in paragraph.Split(' '))
                {
                    if (line.Length + word.Length + 1 > 90)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(line.Length == 0 ? "" : " ").Append(word);
                }

                lines.Add(line.ToString());
            }
        }

        return [.. lines.Chunk(50)];
    }
}
