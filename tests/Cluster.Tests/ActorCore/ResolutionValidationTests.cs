using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

/// <summary>Resolving validates the outputs while it collects them; it must reject exactly what validation rejects, naming the same field.</summary>
public sealed class ResolutionValidationTests
{
    private static readonly CapLayerRegistry Layers = CapLayerRegistry.Default;

    // Interns "strength" and "crit_rate" before the faulty output is read, so that known names meet the other rules.
    private static readonly SubsystemOutput Valid = Output(
        primary: [Stat("strength", Bucket.Flat, 10), Stat("crit_rate", Bucket.Flat, 0.1)],
        caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 50)]);

    public static TheoryData<string, SubsystemOutput> Faulty => new()
    {
        { "null output", null! },
        { "no primary list", Output() with { Primary = null! } },
        { "null contribution", Output(primary: [Stat("strength", Bucket.Flat, 1), null!]) },
        { "name outside the pattern", Output(primary: [Stat("Strength", Bucket.Flat, 1)]) },
        { "known name, undefined bucket", Output(primary: [Stat("strength", (Bucket)7, 1)]) },
        { "known name, non-finite value", Output(derived: [Stat("crit_rate", Bucket.Flat, double.NaN)]) },
        { "mult below -1", Output(primary: [Stat("zeal", Bucket.Mult, -2)]) },
        { "contribution without system", Output(derived: [Stat("strength", Bucket.Flat, 1) with { System = null! }]) },
        { "primary fault before derived fault", Output(primary: [Stat("strength", Bucket.Flat, 1), Stat("strength", (Bucket)9, 1)], derived: [Stat("Bad", Bucket.Flat, 1)]) },
        { "no caps list", Output() with { Caps = null! } },
        { "null cap", Output(caps: [null!]) },
        { "cap without system", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1) with { System = null! }]) },
        { "cap name outside the pattern", Output(caps: [Cap("9lives", CapMode.Baseline, CapKind.Max, 1)]) },
        { "known cap name, undefined mode", Output(caps: [Cap("strength", (CapMode)9, CapKind.Max, 1)]) },
        { "undefined kind", Output(caps: [Cap("strength", CapMode.Baseline, (CapKind)2, 1)]) },
        { "non-finite cap", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, double.PositiveInfinity)]) },
        { "null scope", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1) with { Scope = null! }]) },
        { "unknown scope", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, "GUILD")]) },
        { "realm scope without realm", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, CapLayers.Realm) with { Realm = null }]) },
        { "null tags", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1) with { Tags = null! }]) },
        { "cap fault before meta fault", Output(caps: [Cap("strength", CapMode.Baseline, CapKind.Max, 1, "GUILD")]) with { Meta = null! } },
        { "null context pack", Output(context: new Dictionary<string, ModifierPack> { ["combat"] = null! }) },
        { "no meta", Output() with { Meta = null! } },
        { "meta without system", Output() with { Meta = new SubsystemMeta { System = null! } } },
    };

    [Theory]
    [MemberData(nameof(Faulty))]
    public void Resolving_rejects_the_field_that_validation_rejects(string fault, SubsystemOutput faulty)
    {
        IReadOnlyList<SubsystemOutput> outputs = [Valid, faulty, Output(primary: [Stat("Also_bad", Bucket.Flat, 1)])];

        var expected = Assert.Throws<SubsystemOutputValidationException>(() => SubsystemOutputValidator.Validate(outputs, Layers));
        var actual = Assert.Throws<SubsystemOutputValidationException>(() => Aggregator.Resolve(outputs, BuiltInRegistry.Combiner, Layers));

        Assert.StartsWith("outputs[1]", actual.Field, StringComparison.Ordinal);
        Assert.Equal(expected.Field, actual.Field);
        Assert.True(expected.Message == actual.Message, $"{fault}: '{actual.Message}' instead of '{expected.Message}'");
    }

    [Fact]
    public void A_rejected_dimension_name_is_rejected_again_after_valid_resolutions()
    {
        IReadOnlyList<SubsystemOutput> outputs = [Output(primary: [Stat("bad-name", Bucket.Flat, 1)])];

        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("outputs[0].primary[0].dimension", Assert.Throws<SubsystemOutputValidationException>(() => Aggregator.Resolve(outputs, BuiltInRegistry.Combiner, Layers)).Field);
            Assert.Equal(10, Aggregator.Resolve([Valid], BuiltInRegistry.Combiner, Layers).Primary["strength"]);
        }
    }
}
