using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Cluster.Tests.Hosting;
using Cluster.Tests.Integration;
using Orleans.TestingHost;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class ActorGrainTests
{
    private static readonly ActorProfile Human = new() { Name = "Aria", Race = "human", Lifespan = 80, Age = 30 };

    [Fact]
    public async Task A_new_actor_starts_at_version_1_and_its_snapshot_includes_the_lifecycle_subsystem()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("aria");

        var record = await actor.PutAsync(Human);
        var snapshot = await actor.GetSnapshotAsync();

        Assert.Equal(1, record.Version);
        Assert.Equal("aria", record.Id);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(0, snapshot.RegistryVersion);
        Assert.Equal("aria", snapshot.ActorId);
        Assert.Equal(80, snapshot.Primary["lifespan_years"]);
        Assert.Equal(new CapRange(0, 100_000), snapshot.CapsUsed["lifespan_years"]);
    }

    [Fact]
    public async Task Repeated_reads_share_the_cached_snapshot_until_a_change_bumps_the_version()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("cached");
        await actor.PutAsync(Human);
        var first = await actor.GetSnapshotAsync();

        Assert.True(await cluster.GrainFactory.GetGrain<ISnapshotProbeGrain>("probe").ReadsShareOneSnapshotAsync("cached"));

        var version = await actor.PutSubsystemAsync("items", Output(primary: [Stat("strength", Bucket.Flat, 40)]));
        var second = await actor.GetSnapshotAsync();

        Assert.Equal(2, version);
        Assert.Equal(2, second.Version);
        Assert.Equal(0, first.Primary["strength"]);
        Assert.Equal(40 * 1.1, second.Primary["strength"], 9);
    }

    [Fact]
    public async Task A_registry_change_recomputes_the_snapshot_with_the_new_registry_version()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("registry-change");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("items", Output(primary: [Stat("move_speed", Bucket.Flat, 10)]));
        var before = await actor.GetSnapshotAsync();

        var revision = await Registry(cluster).PutAsync(Dimensions(("move_speed", 0, 5)), null, null);
        var after = await actor.GetSnapshotAsync();

        Assert.Equal(10, before.Primary["move_speed"]);
        Assert.Equal(1, revision.Version);
        Assert.Equal(1, after.RegistryVersion);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(5, after.Primary["move_speed"]);
        Assert.Equal(new CapRange(0, 5), after.CapsUsed["move_speed"]);
    }

    [Fact]
    public async Task A_registry_change_reaches_actors_on_every_silo_before_it_is_acknowledged()
    {
        await using var cluster = await ActorCoreCluster.StartAsync(silos: 3);
        var actors = Enumerable.Range(0, 30).Select(i => cluster.GrainFactory.GetGrain<IActorGrain>($"spread-{i}")).ToList();
        foreach (var actor in actors)
        {
            await actor.PutAsync(Human);
            await actor.PutSubsystemAsync("items", Output(primary: [Stat("move_speed", Bucket.Flat, 10)]));
            Assert.Equal(0, (await actor.GetSnapshotAsync()).RegistryVersion);
        }

        await Registry(cluster).PutAsync(Dimensions(("move_speed", 0, 5)), null, null);

        foreach (var actor in actors)
        {
            var snapshot = await actor.GetSnapshotAsync();
            Assert.Equal(1, snapshot.RegistryVersion);
            Assert.Equal(5, snapshot.Primary["move_speed"]);
        }
    }

    [Fact]
    public async Task Actor_and_registry_stored_in_postgres_survive_a_cluster_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cluster:Storage:Provider"] = "PostgreSQL",
            ["Cluster:Storage:ConnectionString"] = PostgresServer.ConnectionString,
            ["Cluster:ServiceId"] = "restart-" + Guid.NewGuid().ToString("N"),
        };
        await using var cluster = await ActorCoreCluster.StartAsync(settings);
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("durable");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("items", Output(primary: [Stat("spirit", Bucket.Flat, 300)]));
        await Registry(cluster).PutAsync(Dimensions(("spirit", 0, 250)), null, null);
        var record = await actor.GetAsync();

        await cluster.StopAllSilosAsync();
        await using var restarted = await ActorCoreCluster.StartAsync(settings);
        actor = restarted.GrainFactory.GetGrain<IActorGrain>("durable");
        var snapshot = await actor.GetSnapshotAsync();

        Assert.Equal(record, await actor.GetAsync());
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(1, snapshot.RegistryVersion);
        Assert.Equal(250, snapshot.Primary["spirit"]);
    }

    [Fact]
    public async Task No_read_after_an_acknowledged_change_sees_an_older_snapshot()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("fresh");
        await actor.PutAsync(Human with { Lifespan = 0 });
        var inFlight = new List<Task<ActorSnapshot>>();

        for (var i = 1; i <= 40; i++)
        {
            for (var r = 0; r < 4; r++)
            {
                inFlight.Add(actor.GetSnapshotAsync());
            }

            var acknowledged = await actor.PutSubsystemAsync("items", Output(primary: [Stat("strength", Bucket.Flat, i)]));
            var read = await actor.GetSnapshotAsync();

            Assert.Equal(acknowledged, read.Version);
            Assert.Equal(i, read.Primary["strength"]);
        }

        foreach (var snapshot in await Task.WhenAll(inFlight))
        {
            Assert.Equal(snapshot.Version - 1, snapshot.Primary.GetValueOrDefault("strength"));
        }
    }

    [Fact]
    public async Task An_invalid_subsystem_output_is_rejected_by_field_and_changes_nothing()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("strict");
        await actor.PutAsync(Human);
        var before = await actor.GetSnapshotAsync();

        var badValue = await Assert.ThrowsAsync<SubsystemOutputValidationException>(() =>
            actor.PutSubsystemAsync("items", Output(primary: [Stat("strength", Bucket.Mult, -2)])));
        var badScope = await Assert.ThrowsAsync<SubsystemOutputValidationException>(() =>
            actor.PutSubsystemAsync("items", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 5, scope: "GUILD")])));
        var badMeta = await Assert.ThrowsAsync<ActorValidationException>(() =>
            actor.PutSubsystemAsync("items", Output(system: "gear")));
        var overflow = await Assert.ThrowsAsync<SubsystemOutputValidationException>(() =>
            actor.PutSubsystemAsync("items", Output(primary: [Stat("strength", Bucket.Flat, double.MaxValue), Stat("strength", Bucket.Flat, double.MaxValue), Stat("strength", Bucket.Mult, -1)])));

        Assert.Equal("primary[0].value", badValue.Field);
        Assert.Equal("caps[0].scope", badScope.Field);
        Assert.Equal("meta.system", badMeta.Field);
        Assert.Equal("primary[0].value", overflow.Field);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await actor.GetSnapshotAsync()));
        Assert.Equal(1, (await actor.GetAsync()).Version);
    }

    [Fact]
    public async Task An_invalid_profile_is_rejected_by_field_and_changes_nothing()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("profile");
        var record = await actor.PutAsync(Human);

        var blank = await Assert.ThrowsAsync<ActorValidationException>(() => actor.PutAsync(Human with { Name = " " }));
        var negative = await Assert.ThrowsAsync<ActorValidationException>(() => actor.PutAsync(Human with { Age = -1 }));
        var infinite = await Assert.ThrowsAsync<ActorValidationException>(() => actor.PutAsync(Human with { Lifespan = double.PositiveInfinity }));

        Assert.Equal("name", blank.Field);
        Assert.Equal("age", negative.Field);
        Assert.Equal("lifespan", infinite.Field);
        Assert.Equal(record, await actor.GetAsync());
    }

    [Fact]
    public async Task A_key_that_is_not_a_valid_actor_id_cannot_be_created()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();

        var error = await Assert.ThrowsAsync<ActorValidationException>(() => cluster.GrainFactory.GetGrain<IActorGrain>("no spaces").PutAsync(Human));

        Assert.Equal("id", error.Field);
    }

    [Fact]
    public async Task The_server_subsystem_name_cannot_be_stored_by_clients()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("reserved");
        await actor.PutAsync(Human);

        var error = await Assert.ThrowsAsync<ActorValidationException>(() =>
            actor.PutSubsystemAsync(LifecycleSubsystem.Name, Output(system: LifecycleSubsystem.Name)));

        Assert.Equal("system", error.Field);
    }

    [Fact]
    public async Task Operations_on_a_missing_actor_throw_key_not_found()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("ghost");

        await Assert.ThrowsAsync<KeyNotFoundException>(actor.GetAsync);
        await Assert.ThrowsAsync<KeyNotFoundException>(actor.GetSnapshotAsync);
        await Assert.ThrowsAsync<KeyNotFoundException>(actor.DeleteAsync);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => actor.PutSubsystemAsync("items", Output()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => actor.ApplyContextAsync("combat", 1));
    }

    [Fact]
    public async Task Deleting_an_actor_clears_its_stored_state_and_a_new_one_starts_over()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("gone");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("items", Output(primary: [Stat("strength", Bucket.Flat, 40)]));
        await actor.GetSnapshotAsync();

        await actor.DeleteAsync();

        Assert.False((await StoredState.ReadAsync<ActorState>(cluster, "actors", "actor", "gone", "actor")).RecordExists);
        await Assert.ThrowsAsync<KeyNotFoundException>(actor.GetSnapshotAsync);
        var again = await actor.PutAsync(Human);
        var snapshot = await actor.GetSnapshotAsync();
        Assert.Equal(1, again.Version);
        Assert.Equal(0, snapshot.Primary["strength"]);
    }

    [Fact]
    public async Task Deleting_a_subsystem_bumps_the_version_and_drops_its_contributions()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("unequip");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("items", Output(primary: [Stat("crit_rate", Bucket.Flat, 0.3)]));

        var version = await actor.DeleteSubsystemAsync("items");

        Assert.Equal(3, version);
        Assert.False((await actor.GetSnapshotAsync()).Primary.ContainsKey("crit_rate"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => actor.DeleteSubsystemAsync("items"));
    }

    [Fact]
    public async Task A_profile_change_recomputes_the_lifecycle_contributions()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("aging");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("training", Output("training", primary: [Stat("strength", Bucket.Flat, 100, "training")]));
        var prime = await actor.GetSnapshotAsync();

        await actor.PutAsync(Human with { Age = 70, Lifespan = 90 });
        var elder = await actor.GetSnapshotAsync();

        Assert.Equal(110, prime.Primary["strength"], 9);
        Assert.Equal(80, elder.Primary["strength"], 9);
        Assert.Equal(90, elder.Primary["lifespan_years"]);
    }

    [Fact]
    public async Task Context_modifiers_of_all_subsystems_apply_to_a_base_value()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("fighter");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("items", Output(context: new Dictionary<string, ModifierPack> { ["combat"] = new() { AdditivePercent = 0.5, Multipliers = [2], PostAdd = 3 } }));

        Assert.Equal((10 * 1.5 * 2) + 3, await actor.ApplyContextAsync("combat", 10), 9);
        Assert.Equal(10, await actor.ApplyContextAsync("trade", 10));
        var error = await Assert.ThrowsAsync<ActorValidationException>(() => actor.ApplyContextAsync("combat", double.NaN));
        Assert.Equal("baseValue", error.Field);
    }

    [Fact]
    public async Task A_registry_that_drops_a_cap_layer_in_use_names_the_stored_subsystem_on_read()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var actor = cluster.GrainFactory.GetGrain<IActorGrain>("misfit");
        await actor.PutAsync(Human);
        await actor.PutSubsystemAsync("world", Output("world", caps: [Cap("strength", CapMode.HardMax, CapKind.Max, 50, CapLayers.World)]));

        await Registry(cluster).PutAsync(Dimensions(("strength", 0, 100)), new CapLayerRegistryDocument { Order = [CapLayers.Total], AcrossPolicy = AcrossLayerPolicy.Intersect }, null);
        var error = await Assert.ThrowsAsync<SubsystemOutputValidationException>(actor.GetSnapshotAsync);

        Assert.Equal("subsystems.world.caps[0].scope", error.Field);
    }

    private static IRegistryGrain Registry(TestCluster cluster) => cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey);

    internal static CombinerRegistryDocument Dimensions(params (string Name, double Min, double Max)[] clamps) => new()
    {
        Dimensions = clamps.ToDictionary(
            c => c.Name,
            c => new MergeRule { UsePipeline = true, ClampDefault = new ClampRange { Min = c.Min, Max = c.Max } }),
    };
}
