using Cluster.GrainInterfaces.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Cluster.Grains.Knowledge.Search;

/// <summary>
/// BM25 over chunk text and document titles in an in-memory Lucene index. Each Lucene document carries the chunk's
/// row key as a doc value, so a hit maps back to the chunk without loading stored fields. English text goes to
/// stemmed fields; CJK text to bigram fields (see <see cref="KeywordLanguage"/>). Searches may run concurrently with
/// each other; changes become visible at <see cref="Refresh"/>.
/// </summary>
public sealed class KeywordIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string KeyField = "key";
    private const string DocumentField = "doc";
    private const string MetadataField = "meta";
    private const string TextField = "text";
    private const string TitleField = "title";
    private const string CjkTextField = "text_cjk";
    private const string CjkTitleField = "title_cjk";

    // Longer queries are cut here: the rest adds little to BM25 and would breach Lucene's clause limit.
    private const int MaxQueryTerms = 256;

    private readonly KeywordLanguage _language;
    private readonly float _titleBoost;
    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly BM25Similarity _similarity = new();
    private volatile Snapshot _snapshot;

    /// <summary>An empty index for text in <paramref name="language"/>.</summary>
    public KeywordIndex(KeywordLanguage language, float titleBoost)
    {
        _language = language;
        _titleBoost = titleBoost;
        var english = new EnglishAnalyzer(Version);
        var cjk = new CJKAnalyzer(Version);
        _analyzer = new PerFieldAnalyzerWrapper(english, new Dictionary<string, Analyzer>
        {
            [CjkTextField] = cjk,
            [CjkTitleField] = cjk,
        });
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer)
        {
            Similarity = _similarity,
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        });
        _snapshot = new Snapshot(DirectoryReader.Open(_writer, applyAllDeletes: true), _similarity);
    }

    /// <summary>Adds one chunk under <paramref name="key"/>; visible after <see cref="Refresh"/>.</summary>
    public void Add(long key, IndexedChunk chunk)
    {
        var document = new Document
        {
            new NumericDocValuesField(KeyField, key),
            new StringField(DocumentField, chunk.DocumentId, Field.Store.NO),
        };
        foreach (var pair in chunk.Metadata)
        {
            document.Add(new StringField(MetadataField, MetadataTerm(pair.Key, pair.Value), Field.Store.NO));
        }

        var english = _language != KeywordLanguage.Cjk;
        var cjk = _language == KeywordLanguage.Cjk
            || (_language == KeywordLanguage.Auto && (CjkText.Contains(chunk.Text) || CjkText.Contains(chunk.Title)));
        if (english)
        {
            document.Add(new TextField(TextField, chunk.Text, Field.Store.NO));
            document.Add(new TextField(TitleField, chunk.Title, Field.Store.NO));
        }

        if (cjk)
        {
            document.Add(new TextField(CjkTextField, chunk.Text, Field.Store.NO));
            document.Add(new TextField(CjkTitleField, chunk.Title, Field.Store.NO));
        }

        _writer.AddDocument(document);
    }

    /// <summary>Removes every chunk of <paramref name="documentId"/>; visible after <see cref="Refresh"/>.</summary>
    public void RemoveDocument(string documentId) => _writer.DeleteDocuments(new Term(DocumentField, documentId));

    /// <summary>Makes the changes so far visible to searches.</summary>
    public void Refresh()
    {
        var current = _snapshot;
        var reader = DirectoryReader.OpenIfChanged(current.Reader, _writer, applyAllDeletes: true);
        if (reader is not null)
        {
            _snapshot = new Snapshot(reader, _similarity);
            current.Reader.Dispose();
        }
    }

    /// <summary>
    /// Finds the best <paramref name="keys"/>.Length chunks for <paramref name="query"/> among those
    /// <paramref name="filter"/> allows, best first, with their BM25 scores; returns how many were found.
    /// </summary>
    public int Search(string query, SearchFilter? filter, Span<long> keys, Span<float> scores)
    {
        var textQuery = BuildQuery(query);
        if (textQuery.Clauses.Count == 0 || keys.Length == 0)
        {
            return 0;
        }

        var snapshot = _snapshot;
        var top = snapshot.Searcher.Search(textQuery, BuildFilter(filter), keys.Length);
        var hits = top.ScoreDocs;
        for (var i = 0; i < hits.Length; i++)
        {
            keys[i] = snapshot.Keys.Get(hits[i].Doc);
            scores[i] = hits[i].Score;
        }

        return hits.Length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _snapshot.Reader.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private static string MetadataTerm(string key, string value) => key + '\u001F' + value;

    private static Filter? BuildFilter(SearchFilter? filter)
    {
        if (filter is null || ((filter.DocumentIds is null || filter.DocumentIds.Count == 0)
                               && (filter.Metadata is null || filter.Metadata.Count == 0)))
        {
            return null;
        }

        var combined = new BooleanFilter();
        if (filter.DocumentIds is { Count: > 0 } ids)
        {
            var terms = new List<Term>(ids.Count);
            foreach (var id in ids)
            {
                terms.Add(new Term(DocumentField, id));
            }

            combined.Add(new TermsFilter(terms), Occur.MUST);
        }

        if (filter.Metadata is { Count: > 0 } metadata)
        {
            foreach (var pair in metadata)
            {
                combined.Add(new TermsFilter(new Term(MetadataField, MetadataTerm(pair.Key, pair.Value))), Occur.MUST);
            }
        }

        return combined;
    }

    private BooleanQuery BuildQuery(string query)
    {
        var result = new BooleanQuery(disableCoord: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_language != KeywordLanguage.Cjk)
        {
            AddTerms(result, seen, query, TextField, TitleField);
        }

        if (_language == KeywordLanguage.Cjk || (_language == KeywordLanguage.Auto && CjkText.Contains(query)))
        {
            AddTerms(result, seen, query, CjkTextField, CjkTitleField);
        }

        return result;
    }

    private void AddTerms(BooleanQuery query, HashSet<string> seen, string text, string textField, string titleField)
    {
        using var stream = _analyzer.GetTokenStream(textField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var added = 0;
        while (stream.IncrementToken() && added < MaxQueryTerms)
        {
            var value = term.ToString();
            if (!seen.Add(textField + ':' + value))
            {
                continue;
            }

            added++;
            query.Add(new TermQuery(new Term(textField, value)), Occur.SHOULD);
            if (_titleBoost > 0f)
            {
                query.Add(new TermQuery(new Term(titleField, value)) { Boost = _titleBoost }, Occur.SHOULD);
            }
        }

        stream.End();
    }

    /// <summary>One point-in-time view: the reader, its searcher and its row keys.</summary>
    private sealed class Snapshot
    {
        public Snapshot(DirectoryReader reader, Similarity similarity)
        {
            Reader = reader;
            Searcher = new IndexSearcher(reader) { Similarity = similarity };
            Keys = MultiDocValues.GetNumericValues(reader, KeyField) ?? DocValues.EMPTY_NUMERIC;
        }

        public DirectoryReader Reader { get; }

        public IndexSearcher Searcher { get; }

        public NumericDocValues Keys { get; }
    }
}
