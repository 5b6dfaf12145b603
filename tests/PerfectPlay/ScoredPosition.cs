namespace Cluster.PerfectPlay;

/// <summary>A Connect Four position with the perfect-play result of the position and of each of its moves.</summary>
/// <param name="Moves">Columns played from the empty board, digits 1–7.</param>
/// <param name="Value">Result for the side to move under perfect play.</param>
/// <param name="MoveOutcomes">Result of each move by column (0-based); null where the column is full.</param>
internal sealed record ScoredPosition(string Moves, Outcome Value, IReadOnlyList<Outcome?> MoveOutcomes)
{
    /// <summary>Whether playing <paramref name="move"/> (column 1–7) keeps the position's perfect-play result.</summary>
    public bool Keeps(int move) => (uint)(move - 1) < (uint)MoveOutcomes.Count && MoveOutcomes[move - 1] == Value;
}
