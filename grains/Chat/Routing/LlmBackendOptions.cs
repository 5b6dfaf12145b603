namespace Cluster.Grains.Chat.Routing;

/// <summary>One model backend: an item of "Llm:Backends".</summary>
public sealed class LlmBackendOptions
{
    /// <summary>A name unique among the backends; metrics and the backends view use it.</summary>
    public string Name { get; set; } = "";

    /// <summary>"openai" (OpenAI-compatible chat completions) or "ollama".</summary>
    public string Kind { get; set; } = "openai";

    /// <summary>Base address, e.g. http://127.0.0.1:8000/v1 for openai, http://127.0.0.1:11434 for ollama.</summary>
    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>Sent as the bearer key to openai backends; many local servers ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Share of the traffic relative to the other backends' weights (default 1).</summary>
    public double Weight { get; set; } = 1;

    /// <summary>Requests in flight at most; a backend at its limit is passed over (default 16).</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Longest a whole answer may take; longer counts as a failure (default 60 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the first token before the next backend is tried (default 15 s).</summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public LlmBackendKind ParsedKind => Kind.ToLowerInvariant() switch
    {
        "openai" => LlmBackendKind.OpenAI,
        "ollama" => LlmBackendKind.Ollama,
        _ => throw new LlmConfigurationException($"Llm:Backends: kind '{Kind}' of backend '{Name}' is not supported; use openai or ollama."),
    };

    internal void Validate(int index)
    {
        var at = $"Llm:Backends:{index}";
        if (string.IsNullOrWhiteSpace(Name))
            throw new LlmConfigurationException($"{at}:Name is required.");
        _ = ParsedKind;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new LlmConfigurationException($"{at}:Endpoint '{Endpoint}' of backend '{Name}' must be an absolute http(s) address.");
        if (string.IsNullOrWhiteSpace(Model))
            throw new LlmConfigurationException($"{at}:Model of backend '{Name}' is required.");
        if (!(Weight > 0) || double.IsInfinity(Weight))
            throw new LlmConfigurationException($"{at}:Weight of backend '{Name}' must be a positive number; it was {Weight}.");
        if (MaxConcurrency < 1)
            throw new LlmConfigurationException($"{at}:MaxConcurrency of backend '{Name}' must be at least 1; it was {MaxConcurrency}.");
        if (Timeout <= TimeSpan.Zero || FirstTokenTimeout <= TimeSpan.Zero || FirstTokenTimeout > Timeout)
            throw new LlmConfigurationException($"{at}: backend '{Name}' needs 0 < FirstTokenTimeout ≤ Timeout; they were {FirstTokenTimeout} and {Timeout}.");
    }
}
