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
        if (outputs is null)
        {
            throw new SubsystemOutputValidationException("outputs", "is required");
        }

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

    private static void ValidateOutput(SubsystemOutput? output, CapLayerRegistry layers, int o)
    {
        if (output is null)
        {
            throw Fail(o, string.Empty, "must not be null");
        }

        ValidateContributions(output.Primary, "primary", o);
        ValidateContributions(output.Derived, "derived", o);
        ValidateCaps(output.Caps, layers, o);
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

    private static void ValidateContributions(IReadOnlyList<Contribution>? contributions, string section, int o)
    {
        if (contributions is null)
        {
            throw Fail(o, section, "is required (use an empty list)");
        }

        if (contributions.Count > MaxEntries)
        {
            throw Fail(o, section, $"holds {contributions.Count} contributions; at most {MaxEntries} are allowed");
        }

        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            if (c is null)
            {
                throw Fail(o, $"{section}[{i}]", "must not be null");
            }

            if (!DimensionName.IsValid(c.Dimension))
            {
                throw Fail(o, $"{section}[{i}].dimension", $"'{c.Dimension}' does not match {DimensionName.Pattern}");
            }

            if ((uint)c.Bucket > (uint)Bucket.Override)
            {
                throw Fail(o, $"{section}[{i}].bucket", $"{(int)c.Bucket} is not a defined bucket (FLAT, MULT, POST_ADD, OVERRIDE)");
            }

            if (!double.IsFinite(c.Value))
            {
                throw Fail(o, $"{section}[{i}].value", $"{c.Value} is not a finite number");
            }

            if (c.Bucket == Bucket.Mult && c.Value < -1)
            {
                throw Fail(o, $"{section}[{i}].value", $"MULT delta {c.Value} is below -1 (-100%), which would flip the stat's sign");
            }

            if (c.System is null)
            {
                throw Fail(o, $"{section}[{i}].system", "is required");
            }

            if (!KeyName.IsValid(c.System))
            {
                throw Fail(o, $"{section}[{i}].system", $"does not match {KeyName.Pattern}");
            }
        }
    }

    private static void ValidateCaps(IReadOnlyList<CapContribution>? caps, CapLayerRegistry layers, int o)
    {
        if (caps is null)
        {
            throw Fail(o, "caps", "is required (use an empty list)");
        }

        if (caps.Count > MaxEntries)
        {
            throw Fail(o, "caps", $"holds {caps.Count} caps; at most {MaxEntries} are allowed");
        }

        for (var i = 0; i < caps.Count; i++)
        {
            var c = caps[i];
            if (c is null)
            {
                throw Fail(o, $"caps[{i}]", "must not be null");
            }

            if (c.System is null)
            {
                throw Fail(o, $"caps[{i}].system", "is required");
            }

            if (!KeyName.IsValid(c.System))
            {
                throw Fail(o, $"caps[{i}].system", $"does not match {KeyName.Pattern}");
            }

            if (!DimensionName.IsValid(c.Dimension))
            {
                throw Fail(o, $"caps[{i}].dimension", $"'{c.Dimension}' does not match {DimensionName.Pattern}");
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
                throw Fail(o, $"caps[{i}].value", $"{c.Value} is not a finite number");
            }

            if (c.Scope is null)
            {
                throw Fail(o, $"caps[{i}].scope", "must not be null (omit it for TOTAL)");
            }

            if (layers.IndexOf(c.Scope) < 0)
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
