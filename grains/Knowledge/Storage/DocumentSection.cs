namespace Cluster.Grains.Knowledge.Storage;

/// <summary>A parsed document's section as stored: the headings above it, outermost first, and its text.</summary>
public sealed record DocumentSection(IReadOnlyList<string> HeadingPath, string Text);
