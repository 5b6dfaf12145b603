namespace Cluster.Grains.Compute.Agents.Planning;

/// <summary>
/// A plan as a value: up to <see cref="MaxLength"/> agent indices packed 8 bits each, so plans are compared, hashed
/// and extended without allocation while the search explores thousands of them.
/// </summary>
public readonly record struct AgentSequence(ulong Packed, int Length)
{
    /// <summary>Longest plan.</summary>
    public const int MaxLength = 8;

    /// <summary>The empty plan (the search root).</summary>
    public static AgentSequence Empty => default;

    /// <summary>Agent index of step <paramref name="step"/>.</summary>
    public int this[int step] => (int)((Packed >> (8 * step)) & 0xFF);

    /// <summary>Agent index of the last step.</summary>
    public int Last => this[Length - 1];

    /// <summary>This plan with <paramref name="agent"/> as one more step.</summary>
    public AgentSequence Append(int agent) => new(Packed | ((ulong)agent << (8 * Length)), Length + 1);

    /// <summary>Whether <paramref name="agent"/> is one of the steps.</summary>
    public bool Contains(int agent)
    {
        for (var i = 0; i < Length; i++)
        {
            if (this[i] == agent)
            {
                return true;
            }
        }

        return false;
    }
}
