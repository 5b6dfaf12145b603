namespace Cluster.Tests.ScriptedOpenAi;

/// <summary>How a <see cref="ScriptedOpenAiServer"/> answers chat completions (and its model list, the health probe).</summary>
public enum ScriptedBackendBehaviour
{
    /// <summary>Streams its tokens.</summary>
    Healthy,

    /// <summary>Answers 500 before any token; the model list answers 503.</summary>
    Failing,

    /// <summary>Fails every other request (the 2nd, 4th, …) with 500, so failures never come five in a row.</summary>
    Flaky,

    /// <summary>Streams its first tokens, then drops the connection mid-answer.</summary>
    BreaksMidStream,
}
