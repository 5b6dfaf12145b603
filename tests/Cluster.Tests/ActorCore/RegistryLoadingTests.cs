using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;

namespace Cluster.Tests.ActorCore;

public sealed class RegistryLoadingTests
{
    [Fact]
    public void Example_combiner_registry_loads_from_yaml()
    {
        var registry = CombinerRegistry.FromFile(SharedActorCoreData.CombinerRegistryFile);

        Assert.Equal(9, registry.Dimensions.Count);
        var lifespan = registry.RuleFor("lifespan_years");
        Assert.False(lifespan.UsePipeline);
        Assert.Equal(CombineOperator.Max, lifespan.Operator);
        Assert.Equal(100000, lifespan.ClampDefault.Max);
        Assert.True(registry.RuleFor("strength").UsePipeline);
        Assert.Equal(0.5, registry.RuleFor("cooldown_reduction").ClampDefault.Max);
        Assert.Same(registry.Fallback, registry.RuleFor("attack_power"));
    }

    [Fact]
    public void Combiner_registry_loads_from_json()
    {
        var registry = CombinerRegistry.FromJson("""
            {"dimensions": {
              "strength": {"use_pipeline": true, "clamp_default": {"min": 0, "max": 999999}},
              "lifespan_years": {"use_pipeline": false, "operator": "MAX", "clamp_default": {"min": 0, "max": 100000}}}}
            """);

        Assert.Equal(new ClampRange { Min = 0, Max = 999999 }, registry.RuleFor("strength").ClampDefault);
        Assert.Equal(CombineOperator.Max, registry.RuleFor("lifespan_years").Operator);
    }

    [Fact]
    public void Cap_layer_registry_loads_from_json_and_yaml()
    {
        var json = CapLayerRegistry.FromFile(Path.Combine(SharedActorCoreData.GoldenDirectory, "case09_prioritized_override", "cap_layer_registry.json"));
        var yaml = CapLayerRegistry.FromYaml("order: [EVENT, TOTAL]\nacross_policy: PRIORITIZED_OVERRIDE\n");

        Assert.Equal([CapLayers.World, CapLayers.Total], json.Order);
        Assert.Equal(AcrossLayerPolicy.PrioritizedOverride, json.AcrossPolicy);
        Assert.Equal([CapLayers.Event, CapLayers.Total], yaml.Order);
        Assert.Equal(1, yaml.IndexOf(CapLayers.Total));
        Assert.Equal(-1, yaml.IndexOf(CapLayers.Realm));
    }

    [Theory]
    [InlineData("x: { use_pipeline: false, operator: AVG, clamp_default: { min: 0, max: 1 } }", "dimensions.x.operator")]
    [InlineData("x: { use_pipeline: false, clamp_default: { min: 0, max: 1 } }", "dimensions.x.operator")]
    [InlineData("x: { use_pipeline: true, clamp_default: { min: 5, max: 1 } }", "dimensions.x.clamp_default")]
    [InlineData("x: { use_pipeline: true, clamp_default: { min: 0, max: .inf } }", "dimensions.x.clamp_default.max")]
    [InlineData("x: { use_pipeline: true }", "dimensions.x")]
    [InlineData("x: { use_pipeline: yes, clamp_default: { min: 0, max: 1 } }", "dimensions.x.use_pipeline")]
    [InlineData("x: { use_pipeline: true, weight: 2, clamp_default: { min: 0, max: 1 } }", "dimensions.x.weight")]
    [InlineData("Strength: { use_pipeline: true, clamp_default: { min: 0, max: 1 } }", "dimensions.Strength")]
    [InlineData("max-hp: { use_pipeline: true, clamp_default: { min: 0, max: 1 } }", "dimensions['max-hp']")]
    [InlineData("x: ~", "dimensions.x")]
    public void Invalid_combiner_registry_is_rejected_naming_the_field(string dimension, string field)
    {
        var error = Assert.Throws<RegistryValidationException>(() => CombinerRegistry.FromYaml($"dimensions:\n  {dimension}\n"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Invalid_combiner_registry_json_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<RegistryValidationException>(() => CombinerRegistry.FromJson("""
            {"dimensions": {"x": {"use_pipeline": false, "operator": "max", "clamp_default": {"min": 0, "max": 1}}}}
            """));

        Assert.Equal("dimensions.x.operator", error.Field);
    }

    [Theory]
    [InlineData("dimensions:\n  x: { use_pipeline: true, clamp_default: { min: 0, max: 1 }\n")]
    [InlineData("dimensions:\n  x: { use_pipeline: true, clamp_default: { min: 0, max: 1 } }\n  x: { use_pipeline: true, clamp_default: { min: 0, max: 1 } }\n")]
    [InlineData("")]
    public void Unreadable_yaml_is_rejected_at_the_document_root(string yaml)
    {
        Assert.Equal("$", Assert.Throws<RegistryValidationException>(() => CombinerRegistry.FromYaml(yaml)).Field);
    }

    [Fact]
    public void Invalid_fallback_rule_is_rejected()
    {
        var fallback = new MergeRule { UsePipeline = true, ClampDefault = new ClampRange { Min = 1, Max = 0 } };

        var error = Assert.Throws<RegistryValidationException>(() => new CombinerRegistry(new Dictionary<string, MergeRule>(), fallback));

        Assert.Equal("fallback.clamp_default", error.Field);
    }

    [Theory]
    [InlineData("order: []\nacross_policy: INTERSECT", "order")]
    [InlineData("order: [REALM, WORLD, REALM]\nacross_policy: INTERSECT", "order[2]")]
    [InlineData("order: [REALM, '']\nacross_policy: INTERSECT", "order[1]")]
    [InlineData("order: [REALM]\nacross_policy: UNION", "across_policy")]
    [InlineData("order: [REALM]\nacross_policy: INTERSECT\nstrict: true", "strict")]
    public void Invalid_cap_layer_registry_is_rejected_naming_the_field(string yaml, string field)
    {
        Assert.Equal(field, Assert.Throws<RegistryValidationException>(() => CapLayerRegistry.FromYaml(yaml)).Field);
    }

    [Fact]
    public void Cap_layer_registry_without_a_policy_is_rejected_naming_it()
    {
        var error = Assert.Throws<RegistryValidationException>(() => CapLayerRegistry.FromJson("""{"order": ["REALM"]}"""));

        Assert.Contains("across_policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_file_of_unknown_format_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CapLayerRegistry.FromFile(Path.Combine(SharedActorCoreData.Directory, "cap_layer_registry.toml")));
    }
}
