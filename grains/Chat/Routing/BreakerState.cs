namespace Cluster.Grains.Chat.Routing;

/// <summary>A backend circuit's state as the router and its metrics see it (the gauge reports the number).</summary>
public enum BreakerState
{
    Closed = 0,

    /// <summary>Probes go through one at a time; <see cref="CircuitBreakerSettings.SuccessesToClose"/> in a row close it.</summary>
    HalfOpen = 1,

    Open = 2,
}
