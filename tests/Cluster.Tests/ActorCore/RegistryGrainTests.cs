using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class RegistryGrainTests
{
    [Fact]
    public void The_built_in_registry_equals_the_shared_example_registry()
    {
        var example = CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile);

        Assert.Equal(example.Dimensions.OrderBy(d => d.Key), BuiltInRegistry.Combiner.Dimensions.OrderBy(d => d.Key));
        Assert.Equal(CapLayerRegistry.FromFile(SharedActorCoreData.CapLayerRegistryFile).Order, BuiltInRegistry.CapLayers.Order);
    }

    [Fact]
    public async Task Without_a_stored_registry_the_built_in_one_is_served_as_version_0()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();

        var revision = await cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey).GetAsync();

        Assert.Equal(0, revision.Version);
        Assert.Null(revision.UpdatedAt);
        Assert.Equal(BuiltInRegistry.Combiner.Dimensions.OrderBy(d => d.Key), revision.Combiner.Dimensions.OrderBy(d => d.Key));
        Assert.Equal(CapLayerRegistry.Default.Order, revision.CapLayers.Order);
    }

    [Fact]
    public async Task A_configured_registry_file_is_the_default()
    {
        var file = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"dimensions": {"grit": {"use_pipeline": false, "operator": "MIN", "clamp_default": {"min": 1, "max": 9}}}}""");
        try
        {
            await using var cluster = await ActorCoreCluster.StartAsync(settings: new Dictionary<string, string?> { ["Cluster:ActorCore:RegistryFile"] = file });

            var revision = await cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey).GetAsync();

            var rule = Assert.Single(revision.Combiner.Dimensions);
            Assert.Equal("grit", rule.Key);
            Assert.Equal(CombineOperator.Min, rule.Value.Operator);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_put_bumps_the_version_and_keeps_the_cap_layers_when_none_are_given()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey);
        var layers = new CapLayerRegistryDocument { Order = [CapLayers.World, CapLayers.Total], AcrossPolicy = AcrossLayerPolicy.PrioritizedOverride };

        var first = await registry.PutAsync(ActorGrainTests.Dimensions(("strength", 0, 10)), layers, 0);
        var second = await registry.PutAsync(ActorGrainTests.Dimensions(("strength", 0, 20)), null, 1);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(layers.Order, second.CapLayers.Order);
        Assert.Equal(AcrossLayerPolicy.PrioritizedOverride, second.CapLayers.AcrossPolicy);
        Assert.Equal(JsonSerializer.Serialize(second), JsonSerializer.Serialize(await registry.GetAsync()));
    }

    [Fact]
    public async Task An_invalid_or_outdated_put_changes_nothing()
    {
        await using var cluster = await ActorCoreCluster.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey);
        var current = await registry.PutAsync(ActorGrainTests.Dimensions(("strength", 0, 10)), null, null);

        var inverted = await Assert.ThrowsAsync<RegistryValidationException>(() => registry.PutAsync(ActorGrainTests.Dimensions(("strength", 5, 1)), null, null));
        var noLayers = await Assert.ThrowsAsync<RegistryValidationException>(() =>
            registry.PutAsync(ActorGrainTests.Dimensions(), new CapLayerRegistryDocument { Order = [], AcrossPolicy = AcrossLayerPolicy.Intersect }, null));
        await Assert.ThrowsAsync<InconsistentStateException>(() => registry.PutAsync(ActorGrainTests.Dimensions(), null, 7));

        Assert.Equal("dimensions.strength.clamp_default", inverted.Field);
        Assert.Equal("capLayers.order", noLayers.Field);
        Assert.Equal(JsonSerializer.Serialize(current), JsonSerializer.Serialize(await registry.GetAsync()));
    }

    [Fact]
    public async Task The_silo_view_follows_every_acknowledged_put()
    {
        var view = new RegistryView();
        await using var cluster = await ActorCoreCluster.StartAsync(services: s => s.AddSingleton<IRegistryView>(view));
        var registry = cluster.GrainFactory.GetGrain<IRegistryGrain>(RegistryRevision.DefaultKey);

        for (var i = 1; i <= 3; i++)
        {
            await registry.PutAsync(ActorGrainTests.Dimensions(("strength", 0, i)), null, null);

            Assert.Equal(i, view.Current!.Version);
            Assert.Equal(i, view.Current.Combiner.RuleFor("strength").ClampDefault.Max);
        }
    }

    [Fact]
    public void The_view_never_goes_back_to_an_older_version()
    {
        var view = new RegistryView();
        var newer = ActiveRegistries.Compile(2, ActorGrainTests.Dimensions(), CapLayerRegistry.Default.ToDocument());
        var older = ActiveRegistries.Compile(1, ActorGrainTests.Dimensions(), CapLayerRegistry.Default.ToDocument());

        Assert.True(view.Publish(newer));
        Assert.False(view.Publish(older));
        Assert.Same(newer, view.Current);
    }
}
