namespace Cluster.Bench;

/// <summary>A steady load that records each call in the phase it started in.</summary>
internal interface IPhasedLoad
{
    /// <summary>Ends the current phase and records the calls that start from now on in <paramref name="phase"/>.</summary>
    void Enter(HandOverPhase phase);
}
