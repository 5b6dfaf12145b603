namespace Cluster.Grains.Chat.Routing;

/// <summary>The model backends and how they are watched: section "Llm".</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    public List<LlmBackendOptions> Backends { get; set; } = [];

    public CircuitBreakerSettings Breaker { get; set; } = new();

    /// <summary>How often each backend's health is checked (default 15 s).</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a health check may take (default 2 s).</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws an <see cref="LlmConfigurationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Backends.Count; i++)
        {
            Backends[i].Validate(i);
            if (!names.Add(Backends[i].Name))
                throw new LlmConfigurationException($"Llm:Backends:{i}:Name '{Backends[i].Name}' is used by another backend; names must be unique.");
        }

        Breaker.Validate();
        if (HealthInterval < TimeSpan.FromMilliseconds(100) || HealthTimeout <= TimeSpan.Zero)
            throw new LlmConfigurationException($"Llm:HealthInterval must be at least 100 ms and Llm:HealthTimeout positive; they were {HealthInterval} and {HealthTimeout}.");
    }
}
