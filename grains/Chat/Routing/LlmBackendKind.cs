namespace Cluster.Grains.Chat.Routing;

/// <summary>The protocol a model backend speaks.</summary>
public enum LlmBackendKind
{
    /// <summary>OpenAI-compatible chat completions (OpenAI, vLLM, llama.cpp server, LM Studio, …).</summary>
    OpenAI,

    /// <summary>Ollama's own API.</summary>
    Ollama,
}
