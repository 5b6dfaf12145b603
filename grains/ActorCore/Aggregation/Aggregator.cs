using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>Resolves an actor's subsystem outputs into a <see cref="Snapshot"/>. Thread-safe; no result depends on input order.</summary>
public static class Aggregator
{
    /// <summary>
    /// Validates <paramref name="outputs"/>, aggregates primary and derived contributions separately per dimension,
    /// reduces caps within and across layers, and clamps each value into its dimension's range.
    /// </summary>
    /// <param name="version">Stamped on the snapshot (e.g. the actor's state version).</param>
    /// <exception cref="SubsystemOutputValidationException">An output breaks a rule; the field is <c>outputs[i]....</c>.</exception>
    /// <exception cref="StatOverflowException">A dimension's contributions overflow double range.</exception>
    public static Snapshot Resolve(IReadOnlyList<SubsystemOutput> outputs, CombinerRegistry combiner, CapLayerRegistry layers, long version = 1)
    {
        ArgumentNullException.ThrowIfNull(combiner);
        ArgumentNullException.ThrowIfNull(layers);
        SubsystemOutputValidator.RequireOutputs(outputs);
        return ResolutionWorkspace.ForCurrentThread.Resolve(outputs, combiner, layers, version);
    }
}
