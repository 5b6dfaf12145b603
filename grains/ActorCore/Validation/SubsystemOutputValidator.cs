using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Enforces the rules the schemas cannot express for objects built in code (and the ones they can, for objects
/// that never went through JSON). Field names are only formatted on failure, so a valid output costs no allocation.
/// </summary>
public static class SubsystemOutputValidator
{
    private const int SingleOutput = -1;

    /// <summary>Most contributions in each of primary, derived and caps of one output.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>Most contexts per output, and multipliers per context.</summary>
    public const int MaxContexts = 64;

    /// <summary>Validates every output; fields are reported as <c>outputs[i]....</c>.</summary>
    public static void Validate(IReadOnlyList<SubsystemOutput> outputs, CapLayerRegistry layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        RequireOutputs(outputs);
        for (var i = 0; i < outputs.Count; i++)
        {
            ValidateOutput(outputs[i], layers, i);
        }
    }

    /// <summary>Validates one output; fields are reported relative to it (<c>primary[0].value</c>).</summary>
    public static void Validate(this SubsystemOutput output, CapLayerRegistry layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ValidateOutput(output, layers, SingleOutput);
    }

    // The pieces below are also called element by element while a resolution collects the outputs, in this order,
    // so that it reports the same first error as Validate without a pass of its own.

    internal static void RequireOutputs(IReadOnlyList<SubsystemOutput>? outputs)
    {
        if (outputs is null)
        {
            throw new SubsystemOutputValidationException("outputs", "is required");
        }
    }

    internal static SubsystemOutput RequireOutput(SubsystemOutput? output, int o) =>
        output ?? throw Fail(o, string.Empty, "must not be null");

    internal static IReadOnlyList<T> RequireList<T>(IReadOnlyList<T>? list, string section, int o)
    {
        if (list is null)
        {
            throw Fail(o, section, "is required (use an empty list)");
        }

        if (list.Count > MaxEntries)
        {
            throw Fail(o, section, $"holds {list.Count} {(section == "caps" ? "caps" : "contributions")}; at most {MaxEntries} are allowed");
        }

        return list;
    }

    /// <param name="dimensionKnown">The dimension name already passed this check (the resolution interned it).</param>
    /// <param name="systemKnown">The system name already passed this check (the previous entry's).</param>
    // Inlined into the loops that call it, once per contribution: the messages are built out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ValidateContribution([NotNull] Contribution? c, bool dimensionKnown, bool systemKnown, string section, int i, int o)
    {
        if (c is null)
        {
            throw ContributionFailure(o, section, i, string.Empty, "must not be null");
        }

        if (!dimensionKnown && !DimensionName.IsValid(c.Dimension))
        {
            throw ContributionFailure(o, section, i, ".dimension", DimensionMismatch(c.Dimension));
        }

        if ((uint)c.Bucket > (uint)Bucket.Override)
        {
            throw ContributionFailure(o, section, i, ".bucket", UndefinedBucket(c.Bucket));
        }

        if (!double.IsFinite(c.Value))
        {
            throw ContributionFailure(o, section, i, ".value", NotFinite(c.Value));
        }

        if (c.Bucket == Bucket.Mult && c.Value < -1)
        {
            throw ContributionFailure(o, section, i, ".value", MultBelowMinusOne(c.Value));
        }

        if (c.System is null)
        {
            throw ContributionFailure(o, section, i, ".system", "is required");
        }

        if (!systemKnown && !KeyName.IsValid(c.System))
        {
            throw ContributionFailure(o, section, i, ".system", SystemMismatch());
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SubsystemOutputValidationException ContributionFailure(int o, string section, int i, string member, string reason) =>
        Fail(o, $"{section}[{i}]{member}", reason);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string DimensionMismatch(string? dimension) => $"'{dimension}' does not match {DimensionName.Pattern}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string SystemMismatch() => $"does not match {KeyName.Pattern}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string UndefinedBucket(Bucket bucket) => $"{(int)bucket} is not a defined bucket (FLAT, MULT, POST_ADD, OVERRIDE)";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string NotFinite(double value) => $"{value} is not a finite number";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string MultBelowMinusOne(double value) => $"MULT delta {value} is below -1 (-100%), which would flip the stat's sign";

    /// <param name="dimensionKnown">The dimension name already passed this check (the resolution interned it).</param>
    /// <param name="systemKnown">The system name already passed this check (the previous entry's).</param>
    /// <returns>The index of the cap's scope in the registry's layer order.</returns>
    internal static int ValidateCap([NotNull] CapContribution? c, CapLayerRegistry layers, bool dimensionKnown, bool systemKnown, int i, int o)
    {
        if (c is null)
        {
            throw Fail(o, $"caps[{i}]", "must not be null");
        }

        if (c.System is null)
        {
            throw Fail(o, $"caps[{i}].system", "is required");
        }

        if (!systemKnown && !KeyName.IsValid(c.System))
        {
            throw Fail(o, $"caps[{i}].system", SystemMismatch());
        }

        if (!dimensionKnown && !DimensionName.IsValid(c.Dimension))
        {
            throw Fail(o, $"caps[{i}].dimension", DimensionMismatch(c.Dimension));
        }

        if ((uint)c.Mode > (uint)CapMode.Override)
        {
            throw Fail(o, $"caps[{i}].mode", $"{(int)c.Mode} is not a defined mode (BASELINE, ADDITIVE, HARD_MAX, HARD_MIN, OVERRIDE)");
        }

        if ((uint)c.Kind > (uint)CapKind.Min)
        {
            throw Fail(o, $"caps[{i}].kind", $"{(int)c.Kind} is not a defined kind (max, min)");
        }

        if (!double.IsFinite(c.Value))
        {
            throw Fail(o, $"caps[{i}].value", NotFinite(c.Value));
        }

        if (c.Scope is null)
        {
            throw Fail(o, $"caps[{i}].scope", "must not be null (omit it for TOTAL)");
        }

        var layer = layers.IndexOf(c.Scope);
        if (layer < 0)
        {
            throw Fail(o, $"caps[{i}].scope", $"'{c.Scope}' is not a configured cap layer ({string.Join(", ", layers.Order)})");
        }

        if (c.Scope == CapLayers.Realm && string.IsNullOrEmpty(c.Realm))
        {
            throw Fail(o, $"caps[{i}].realm", "is required when scope is REALM");
        }

        if (c.Tags is null)
        {
            throw Fail(o, $"caps[{i}].tags", "must not be null (use an empty list)");
        }

        return layer;
    }

    /// <summary>What follows the caps: the context packs and the meta block.</summary>
    internal static void ValidateContextAndMeta(SubsystemOutput output, int o)
    {
        ValidateContext(output.Context, o);
        if (output.Meta is null)
        {
            throw Fail(o, "meta", "is required");
        }

        if (output.Meta.System is null)
        {
            throw Fail(o, "meta.system", "is required");
        }
    }

    private static void ValidateOutput(SubsystemOutput? output, CapLayerRegistry layers, int o)
    {
        var valid = RequireOutput(output, o);
        ValidateContributions(valid.Primary, "primary", o);
        ValidateContributions(valid.Derived, "derived", o);
        var caps = RequireList(valid.Caps, "caps", o);
        for (var i = 0; i < caps.Count; i++)
        {
            ValidateCap(caps[i], layers, dimensionKnown: false, systemKnown: false, i, o);
        }

        ValidateContextAndMeta(valid, o);
    }

    private static void ValidateContributions(IReadOnlyList<Contribution>? contributions, string section, int o)
    {
        var valid = RequireList(contributions, section, o);
        for (var i = 0; i < valid.Count; i++)
        {
            ValidateContribution(valid[i], dimensionKnown: false, systemKnown: false, section, i, o);
        }
    }

    private static void ValidateContext(IReadOnlyDictionary<string, ModifierPack>? context, int o)
    {
        if (context is null)
        {
            throw Fail(o, "context", "must not be null (use an empty map)");
        }

        if (context.Count == 0)
        {
            return;
        }

        if (context.Count > MaxContexts)
        {
            throw Fail(o, "context", $"holds {context.Count} contexts; at most {MaxContexts} are allowed");
        }

        foreach (var (name, pack) in context)
        {
            if (!KeyName.IsValid(name))
            {
                throw Fail(o, "context", $"the context name '{name}' does not match {KeyName.Pattern}");
            }

            if (pack is null)
            {
                throw Fail(o, FieldPath.Member("context", name), "must not be null");
            }

            if (!double.IsFinite(pack.AdditivePercent))
            {
                throw Fail(o, FieldPath.Member(FieldPath.Member("context", name), "additive_percent"), $"{pack.AdditivePercent} is not a finite number");
            }

            if (pack.Multipliers is null)
            {
                throw Fail(o, FieldPath.Member(FieldPath.Member("context", name), "multipliers"), "must not be null (use an empty list)");
            }

            if (pack.Multipliers.Count > MaxContexts)
            {
                throw Fail(o, FieldPath.Member(FieldPath.Member("context", name), "multipliers"), $"holds {pack.Multipliers.Count} multipliers; at most {MaxContexts} are allowed");
            }

            for (var j = 0; j < pack.Multipliers.Count; j++)
            {
                if (!double.IsFinite(pack.Multipliers[j]))
                {
                    throw Fail(o, $"{FieldPath.Member("context", name)}.multipliers[{j}]", $"{pack.Multipliers[j]} is not a finite number");
                }
            }

            if (!double.IsFinite(pack.PostAdd))
            {
                throw Fail(o, FieldPath.Member(FieldPath.Member("context", name), "post_add"), $"{pack.PostAdd} is not a finite number");
            }
        }
    }

    private static SubsystemOutputValidationException Fail(int output, string field, string reason)
    {
        var path = output == SingleOutput
            ? (field.Length == 0 ? "$" : field)
            : (field.Length == 0 ? $"outputs[{output}]" : $"outputs[{output}].{field}");
        return new SubsystemOutputValidationException(path, reason);
    }
}
