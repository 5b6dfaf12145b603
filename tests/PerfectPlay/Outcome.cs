namespace Cluster.PerfectPlay;

/// <summary>Result of a position under perfect play by both sides, for the side to move.</summary>
internal enum Outcome
{
    Loss = -1,
    Draw = 0,
    Win = 1,
}
