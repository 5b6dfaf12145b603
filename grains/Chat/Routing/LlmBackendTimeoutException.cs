namespace Cluster.Grains.Chat.Routing;

/// <summary>A backend took longer than its first-token timeout or its timeout; counts as the backend's failure.</summary>
public sealed class LlmBackendTimeoutException(string backend, TimeSpan timeout, bool firstToken)
    : TimeoutException(firstToken
        ? $"Backend '{backend}' sent no token within {timeout.TotalSeconds:0.###} s (Llm:Backends FirstTokenTimeout)."
        : $"Backend '{backend}' did not finish within {timeout.TotalSeconds:0.###} s (Llm:Backends Timeout).");
