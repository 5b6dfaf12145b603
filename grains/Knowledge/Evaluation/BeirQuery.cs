namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>One query of a BEIR set.</summary>
public sealed record BeirQuery(string Id, string Text);
