using Cluster.Grains.ActorCore;

namespace Cluster.Gateway.Endpoints.Actors;

/// <summary>Body of POST /actors/snapshots/batch: {actorIds: [...]}, 1 to <see cref="MaxActors"/> ids.</summary>
public sealed record SnapshotBatchRequest
{
    public const int MaxActors = 1_000;

    public IReadOnlyList<string?>? ActorIds { get; init; }

    /// <exception cref="ActorValidationException">The list is missing, empty, too long, or holds a bad id.</exception>
    public IReadOnlyList<string> Validate()
    {
        if (ActorIds is null)
        {
            throw new ActorValidationException("actorIds", "is required");
        }

        if (ActorIds.Count is 0 or > MaxActors)
        {
            throw new ActorValidationException("actorIds", $"holds {ActorIds.Count} ids; send 1 to {MaxActors}");
        }

        var ids = new string[ActorIds.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ActorInput.ValidateKey(ActorIds[i], $"actorIds[{i}]");
            ids[i] = ActorIds[i]!;
        }

        return ids;
    }
}
