using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class SubsystemOutputValidationTests
{
    private static readonly CapLayerRegistry Layers = CapLayerRegistry.Default;

    private static SubsystemOutputValidationException Rejected(SubsystemOutput output, CapLayerRegistry? layers = null) =>
        Assert.Throws<SubsystemOutputValidationException>(() => output.Validate(layers ?? Layers));

    private static SubsystemOutputValidationException RejectedJson(string json) =>
        Assert.Throws<SubsystemOutputValidationException>(() => ActorCoreJson.ReadOutput(json, Layers));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_rejected_wherever_they_appear(double bad)
    {
        Assert.Equal("primary[1].value", Rejected(Output(primary: [Stat("strength", Bucket.Flat, 1), Stat("strength", Bucket.Flat, bad)])).Field);
        Assert.Equal("derived[0].value", Rejected(Output(derived: [Stat("strength", Bucket.PostAdd, bad)])).Field);
        Assert.Equal("caps[0].value", Rejected(Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, bad)])).Field);
        Assert.Equal("context.combat.additive_percent", Rejected(Combat(new ModifierPack { AdditivePercent = bad })).Field);
        Assert.Equal("context.combat.multipliers[1]", Rejected(Combat(new ModifierPack { Multipliers = [2, bad] })).Field);
        Assert.Equal("context.combat.post_add", Rejected(Combat(new ModifierPack { PostAdd = bad })).Field);
    }

    [Fact]
    public void Non_numeric_json_value_is_rejected_naming_the_field()
    {
        var error = RejectedJson("""
            {"primary":[{"dimension":"strength","bucket":"FLAT","value":"NaN","system":"items"}],"derived":[],"caps":[],"meta":{"system":"items"}}
            """);

        Assert.Equal("primary[0].value", error.Field);
    }

    [Fact]
    public void Undefined_enum_values_built_in_code_are_rejected()
    {
        Assert.Equal("primary[0].bucket", Rejected(Output(primary: [Stat("strength", (Bucket)7, 1)])).Field);
        Assert.Equal("caps[0].mode", Rejected(Output(caps: [Cap("strength", (CapMode)9, CapKind.Max, 1)])).Field);
        Assert.Equal("caps[0].kind", Rejected(Output(caps: [Cap("strength", CapMode.Baseline, (CapKind)2, 1)])).Field);
    }

    [Theory]
    [InlineData("""{"dimension":"strength","bucket":"PERCENT","value":1,"system":"items"}""", "", "primary[0].bucket", "PERCENT")]
    [InlineData("""{"dimension":"strength","bucket":"flat","value":1,"system":"items"}""", "", "primary[0].bucket", "flat")]
    [InlineData("", """{"dimension":"strength","mode":"SOFT_MAX","kind":"max","value":1,"system":"items"}""", "caps[0].mode", "SOFT_MAX")]
    [InlineData("", """{"dimension":"strength","mode":"BASELINE","kind":"MAX","value":1,"system":"items"}""", "caps[0].kind", "MAX")]
    public void Unknown_enum_spellings_in_json_are_rejected_naming_the_field(string contribution, string cap, string field, string spelling)
    {
        var error = RejectedJson("{\"primary\":[" + contribution + "],\"derived\":[],\"caps\":[" + cap + "],\"meta\":{\"system\":\"items\"}}");

        Assert.Equal(field, error.Field);
        Assert.Contains(spelling, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Strength")]
    [InlineData("1st_stat")]
    [InlineData("crit-rate")]
    [InlineData("crit rate")]
    [InlineData("_hidden")]
    [InlineData("")]
    public void Dimension_names_outside_the_pattern_are_rejected(string name)
    {
        Assert.Equal("primary[0].dimension", Rejected(Output(primary: [Stat(name, Bucket.Flat, 1)])).Field);
        Assert.Equal("derived[0].dimension", Rejected(Output(derived: [Stat(name, Bucket.Flat, 1)])).Field);
        Assert.Equal("caps[0].dimension", Rejected(Output(caps: [Cap(name, CapMode.Baseline, CapKind.Max, 1)])).Field);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("crit_rate_2")]
    [InlineData("x__")]
    public void Dimension_names_matching_the_pattern_are_accepted(string name)
    {
        Output(primary: [Stat(name, Bucket.Flat, 1)], caps: [Cap(name, CapMode.Baseline, CapKind.Max, 1)]).Validate(Layers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Realm_scope_without_a_realm_is_rejected(string? realm)
    {
        var cap = Cap("strength", CapMode.HardMax, CapKind.Max, 600, CapLayers.Realm) with { Realm = realm };

        Assert.Equal("caps[0].realm", Rejected(Output(caps: [cap])).Field);
    }

    [Fact]
    public void Mult_below_minus_one_is_rejected_and_minus_one_is_accepted()
    {
        Assert.Equal("primary[0].value", Rejected(Output(primary: [Stat("strength", Bucket.Mult, -1.01)])).Field);
        Output(primary: [Stat("strength", Bucket.Mult, -1), Stat("strength", Bucket.PostAdd, -50)]).Validate(Layers);
    }

    [Fact]
    public void Scope_that_is_not_a_configured_layer_is_rejected()
    {
        var worldAndTotal = new CapLayerRegistry([CapLayers.World, CapLayers.Total], AcrossLayerPolicy.PrioritizedOverride);
        var worldOnly = new CapLayerRegistry([CapLayers.World], AcrossLayerPolicy.Intersect);

        Assert.Equal("caps[0].scope", Rejected(Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, "GUILD")])).Field);
        Assert.Equal("caps[0].scope", Rejected(Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, CapLayers.Realm)]), worldAndTotal).Field);
        Assert.Equal("caps[0].scope", Rejected(Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1)]), worldOnly).Field);
        Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, "GUILD")])
            .Validate(new CapLayerRegistry(["GUILD", CapLayers.Total], AcrossLayerPolicy.Intersect));
    }

    [Fact]
    public void Missing_parts_of_an_output_built_in_code_are_rejected()
    {
        Assert.Equal("primary", Rejected(Output() with { Primary = null! }).Field);
        Assert.Equal("caps[0]", Rejected(Output() with { Caps = [null!] }).Field);
        Assert.Equal("derived[0].system", Rejected(Output(derived: [Stat("strength", Bucket.Flat, 1) with { System = null! }])).Field);
        Assert.Equal("meta.system", Rejected(Output() with { Meta = new SubsystemMeta { System = null! } }).Field);
        Assert.Equal("context.combat", Rejected(Combat(null!)).Field);
    }

    [Fact]
    public void Missing_or_unknown_json_properties_are_rejected()
    {
        var missing = RejectedJson("""{"primary":[{"dimension":"strength","bucket":"FLAT","system":"items"}],"derived":[],"caps":[],"meta":{"system":"items"}}""");
        var unknown = RejectedJson("""{"primary":[],"derived":[],"caps":[],"meta":{"system":"items"},"weight":3}""");

        Assert.Equal("primary[0]", missing.Field);
        Assert.Contains("'value'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("weight", unknown.Field);
    }

    [Fact]
    public void Fields_of_a_list_of_outputs_are_prefixed_with_their_position()
    {
        var json = """
            [{"primary":[],"derived":[],"caps":[],"meta":{"system":"race"}},
             {"primary":[],"derived":[],"caps":[{"dimension":"strength","mode":"HARD_MAX","kind":"max","value":1,"system":"fate","scope":"REALM"}],"meta":{"system":"fate"}}]
            """;

        var error = Assert.Throws<SubsystemOutputValidationException>(() => ActorCoreJson.ReadOutputs(json, Layers));

        Assert.Equal("outputs[1].caps[0].realm", error.Field);
        Assert.StartsWith("outputs[1].caps[0].realm:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_fields_take_their_schema_defaults()
    {
        var output = ActorCoreJson.ReadOutput("""
            {"primary":[{"dimension":"strength","bucket":"FLAT","value":1,"system":"items"}],"derived":[],
             "caps":[{"dimension":"strength","mode":"BASELINE","kind":"max","value":5,"system":"items"}],"meta":{"system":"items"}}
            """, Layers);

        Assert.Equal(0, output.Primary[0].Priority);
        Assert.Equal(CapLayers.Total, output.Caps[0].Scope);
        Assert.Empty(output.Caps[0].Tags);
        Assert.Empty(output.Context);
    }

    private static SubsystemOutput Combat(ModifierPack pack) =>
        Output(context: new Dictionary<string, ModifierPack> { ["combat"] = pack });
}
