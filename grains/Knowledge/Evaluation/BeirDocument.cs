namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>One document of a BEIR corpus.</summary>
public sealed record BeirDocument(string Id, string Title, string Text);
