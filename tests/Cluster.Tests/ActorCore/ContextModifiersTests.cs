using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;
using Xunit;
using static Cluster.Tests.ActorCore.TestOutputs;

namespace Cluster.Tests.ActorCore;

public sealed class ContextModifiersTests
{
    private static readonly SubsystemOutput[] Outputs =
    [
        Output("items", context: new Dictionary<string, ModifierPack>
        {
            ["combat"] = new() { AdditivePercent = 0.1, Multipliers = [1.5], PostAdd = 5 },
            ["trade"] = new() { AdditivePercent = 0.5 },
        }),
        Output("talent", context: new Dictionary<string, ModifierPack>
        {
            ["combat"] = new() { AdditivePercent = 0.2, Multipliers = [2, 0.5], PostAdd = -1 },
        }),
        Output("race"),
    ];

    [Fact]
    public void Packs_for_one_context_combine_across_subsystems()
    {
        var pack = ContextModifiers.Combine(Outputs, "combat");

        Assert.Equal(0.3, pack.AdditivePercent, 12);
        Assert.Equal([1.5, 2, 0.5], pack.Multipliers);
        Assert.Equal(4, pack.PostAdd);
    }

    [Fact]
    public void Applying_a_context_scales_adds_percent_multiplies_then_adds()
    {
        Assert.Equal((100 * 1.3 * 1.5 * 2 * 0.5) + 4, ContextModifiers.Apply(Outputs, "combat", 100), 9);
    }

    [Fact]
    public void A_context_no_subsystem_publishes_leaves_the_value_unchanged()
    {
        Assert.Equal(100, ContextModifiers.Apply(Outputs, "stealth", 100));
    }

    [Fact]
    public void Other_contexts_do_not_leak_into_the_requested_one()
    {
        Assert.Equal(150, ContextModifiers.Apply(Outputs, "trade", 100));
    }
}
