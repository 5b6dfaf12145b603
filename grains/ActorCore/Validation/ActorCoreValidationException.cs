using Orleans;

namespace Cluster.Grains.ActorCore;

/// <summary>Input to the actor-core engine was rejected; <see cref="Field"/> names the offending field.</summary>
[GenerateSerializer]
[Alias("ActorCore.ActorCoreValidationException")]
public abstract class ActorCoreValidationException : Exception
{
    protected ActorCoreValidationException(string field, string reason, Exception? innerException = null)
        : base($"{field}: {reason}", innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>JSON-path-like location, e.g. <c>outputs[2].primary[0].value</c>.</summary>
    [Id(0)]
    public string Field { get; }

    /// <summary>What is wrong with the field, without the field name.</summary>
    [Id(1)]
    public string Reason { get; }
}
