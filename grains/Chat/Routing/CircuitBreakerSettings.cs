namespace Cluster.Grains.Chat.Routing;

/// <summary>When a backend's circuit opens and closes: section "Llm:Breaker".</summary>
public sealed class CircuitBreakerSettings
{
    /// <summary>Opens after this many failures in a row (default 5).</summary>
    public int ConsecutiveFailures { get; set; } = 5;

    /// <summary>Opens when at least this share of the calls in <see cref="SamplingWindow"/> failed (default 0.5)…</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>…and the window held at least this many calls (default 10).</summary>
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before it lets probes through (default 60 s).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Probes in a row that must succeed before the circuit closes again (default 2).</summary>
    public int SuccessesToClose { get; set; } = 2;

    internal void Validate()
    {
        if (ConsecutiveFailures < 1)
            throw new LlmConfigurationException($"Llm:Breaker:ConsecutiveFailures must be at least 1; it was {ConsecutiveFailures}.");
        if (!(FailureRatio is > 0 and <= 1))
            throw new LlmConfigurationException($"Llm:Breaker:FailureRatio must be in (0, 1]; it was {FailureRatio}.");
        if (MinimumThroughput < 2)
            throw new LlmConfigurationException($"Llm:Breaker:MinimumThroughput must be at least 2; it was {MinimumThroughput}.");
        if (SamplingWindow < TimeSpan.FromMilliseconds(500))
            throw new LlmConfigurationException($"Llm:Breaker:SamplingWindow must be at least 500 ms; it was {SamplingWindow}.");
        if (BreakDuration < TimeSpan.FromMilliseconds(500))
            throw new LlmConfigurationException($"Llm:Breaker:BreakDuration must be at least 500 ms; it was {BreakDuration}.");
        if (SuccessesToClose < 1)
            throw new LlmConfigurationException($"Llm:Breaker:SuccessesToClose must be at least 1; it was {SuccessesToClose}.");
    }
}
