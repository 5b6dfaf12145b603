using Cluster.GrainInterfaces.ActorCore;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// One game actor. Every change is validated, resolved and stored before it is acknowledged, and the snapshot it
/// resolved is cached; reads resolve again only when the silo's registry version moved past the cached one.
/// </summary>
[GrainType("actor")]
public sealed class ActorGrain(
    [PersistentState("actor", GrainStorageNames.Actors)] IPersistentState<ActorState> state,
    IRegistryView registries,
    ServerSubsystems serverSubsystems) : Grain, IActorGrain
{
    // The stored and server outputs of the current actor version, and the snapshot last resolved from them.
    private IReadOnlyList<SubsystemOutput> _outputs = [];
    private ActorSnapshot? _snapshot;
    private ActorSnapshotJson? _snapshotJson;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await registries.GetAsync(GrainFactory);
        _outputs = OutputsOf(state.State);
    }

    public async Task<ActorRecord> PutAsync(ActorProfile profile)
    {
        var id = this.GetPrimaryKeyString();
        ActorInput.ValidateKey(id, "id");
        ActorInput.ValidateProfile(profile);
        var now = DateTimeOffset.UtcNow;
        var actor = state.State.Actor is { } current
            ? current with { Name = profile.Name, Race = profile.Race, Lifespan = profile.Lifespan, Age = profile.Age, UpdatedAt = now, Version = current.Version + 1 }
            : new ActorRecord
            {
                Id = id,
                Name = profile.Name,
                Race = profile.Race,
                Lifespan = profile.Lifespan,
                Age = profile.Age,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
        var next = new ActorState { Actor = actor, Subsystems = state.State.Subsystems };
        var outputs = OutputsOf(next);
        await CommitAsync(next, outputs, Resolve(actor, outputs, CurrentRegistries()));
        return actor;
    }

    public Task<ActorRecord> GetAsync() => Task.FromResult(RequireActor());

    public Task<IReadOnlyList<SubsystemOutput>> GetOutputsAsync()
    {
        RequireActor();
        return Task.FromResult(_outputs);
    }

    public async Task DeleteAsync()
    {
        RequireActor();
        try
        {
            await state.ClearStateAsync();
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }

        _outputs = [];
        _snapshot = null;
    }

    public async Task<long> PutSubsystemAsync(string system, SubsystemOutput output)
    {
        var actor = RequireActor();
        ActorInput.ValidateKey(system, "system");
        if (serverSubsystems.Contains(system))
        {
            throw new ActorValidationException("system", $"'{system}' is computed by the server; its output cannot be stored");
        }

        var current = CurrentRegistries();
        output.Validate(current.CapLayers);
        if (output.Meta.System != system)
        {
            throw new ActorValidationException("meta.system", $"'{output.Meta.System}' does not name the subsystem '{system}' it is stored under");
        }

        var next = Changed(actor, new Dictionary<string, SubsystemOutput>(state.State.Subsystems, StringComparer.Ordinal) { [system] = output });
        var outputs = OutputsOf(next);
        ActorSnapshot snapshot;
        try
        {
            snapshot = Resolve(next.Actor!, outputs, current);
        }
        catch (StatOverflowException e)
        {
            throw e.ToValidationError(output);
        }

        await CommitAsync(next, outputs, snapshot);
        return snapshot.Version;
    }

    public async Task<long> DeleteSubsystemAsync(string system)
    {
        var actor = RequireActor();
        ActorInput.ValidateKey(system, "system");
        if (!state.State.Subsystems.ContainsKey(system))
        {
            throw new KeyNotFoundException($"Actor '{actor.Id}' has no stored output of subsystem '{system}'.");
        }

        var subsystems = new Dictionary<string, SubsystemOutput>(state.State.Subsystems, StringComparer.Ordinal);
        subsystems.Remove(system);
        var next = Changed(actor, subsystems);
        var outputs = OutputsOf(next);
        var snapshot = Resolve(next.Actor!, outputs, CurrentRegistries());
        await CommitAsync(next, outputs, snapshot);
        return snapshot.Version;
    }

    public Task<ActorSnapshot> GetSnapshotAsync() => Task.FromResult(CurrentSnapshot());

    public Task<ActorSnapshotJson> GetSnapshotJsonAsync()
    {
        var snapshot = CurrentSnapshot();
        if (_snapshotJson is not { } json || json.Version != snapshot.Version || json.RegistryVersion != snapshot.RegistryVersion)
        {
            _snapshotJson = json = ActorSnapshotEncoding.Encode(snapshot);
        }

        return Task.FromResult(json);
    }

    public Task<double> ApplyContextAsync(string context, double baseValue)
    {
        RequireActor();
        ActorInput.ValidateKey(context, "context");
        ActorInput.ValidateFinite(baseValue, "baseValue");
        var value = ContextModifiers.Apply(_outputs, context, baseValue);
        if (!double.IsFinite(value))
        {
            throw new ActorValidationException("baseValue", $"the modifiers of context '{context}' take {baseValue} out of the range of a double");
        }

        return Task.FromResult(value);
    }

    private ActorSnapshot CurrentSnapshot()
    {
        var actor = RequireActor();
        var current = CurrentRegistries();
        if (_snapshot is not { } snapshot || snapshot.Version != actor.Version || snapshot.RegistryVersion != current.Version)
        {
            _snapshot = snapshot = Resolve(actor, _outputs, current);
        }

        return snapshot;
    }

    private ActorRecord RequireActor() =>
        state.State.Actor ?? throw new KeyNotFoundException($"Actor '{this.GetPrimaryKeyString()}' does not exist.");

    // Loaded during activation and never unset, so this only fails if the view was replaced under the grain.
    private ActiveRegistries CurrentRegistries() =>
        registries.Current ?? throw new InvalidOperationException("The silo's registry view has not been loaded.");

    private static ActorState Changed(ActorRecord actor, Dictionary<string, SubsystemOutput> subsystems) => new()
    {
        Actor = actor with { UpdatedAt = DateTimeOffset.UtcNow, Version = actor.Version + 1 },
        Subsystems = subsystems,
    };

    private IReadOnlyList<SubsystemOutput> OutputsOf(ActorState actorState)
    {
        if (actorState.Actor is null)
        {
            return [];
        }

        var outputs = new List<SubsystemOutput>(actorState.Subsystems.Count + serverSubsystems.Count);
        outputs.AddRange(actorState.Subsystems.Values);
        serverSubsystems.AddOutputs(actorState.Actor, outputs);
        return outputs;
    }

    private async Task CommitAsync(ActorState next, IReadOnlyList<SubsystemOutput> outputs, ActorSnapshot snapshot)
    {
        await state.ReplaceAsync(next, DeactivateOnIdle);
        _outputs = outputs;
        _snapshot = snapshot;
    }

    private static ActorSnapshot Resolve(ActorRecord actor, IReadOnlyList<SubsystemOutput> outputs, ActiveRegistries active)
    {
        Snapshot snapshot;
        try
        {
            snapshot = Aggregator.Resolve(outputs, active.Combiner, active.CapLayers, actor.Version);
        }
        catch (SubsystemOutputValidationException e)
        {
            throw StoredOutputMisfit(outputs, active) ?? e;
        }

        return new ActorSnapshot
        {
            ActorId = actor.Id,
            Version = actor.Version,
            RegistryVersion = active.Version,
            Primary = snapshot.Primary,
            Derived = snapshot.Derived,
            CapsUsed = snapshot.CapsUsed,
        };
    }

    // Stored outputs were valid for the registry they were stored under; a later registry (e.g. one without a cap
    // layer they use) can reject them. Name the subsystem so that its owner knows what to store again.
    private static SubsystemOutputValidationException? StoredOutputMisfit(IReadOnlyList<SubsystemOutput> outputs, ActiveRegistries active)
    {
        foreach (var output in outputs)
        {
            try
            {
                output.Validate(active.CapLayers);
            }
            catch (SubsystemOutputValidationException e)
            {
                var field = FieldPath.Under(FieldPath.Member("subsystems", output.Meta?.System ?? "(unnamed)"), e.Field);
                return new SubsystemOutputValidationException(field, $"{e.Reason} (under registry version {active.Version}; store this output again)", e);
            }
        }

        return null;
    }
}
