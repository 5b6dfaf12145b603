namespace Cluster.Grains.Knowledge.Search;

/// <summary>How a knowledge base's text is split into keyword-search terms.</summary>
public enum KeywordLanguage
{
    /// <summary>English stemming for all text, plus CJK bigrams for chunks and queries that contain CJK characters.</summary>
    Auto,

    /// <summary>English: stop words removed, Porter stemming.</summary>
    English,

    /// <summary>Chinese, Japanese, Korean: overlapping character bigrams.</summary>
    Cjk,
}
