using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>The rules of MergeRule.schema.json, plus a clamp range that is finite and not inverted.</summary>
internal static class MergeRuleValidator
{
    public static void Validate(MergeRule rule, string field)
    {
        if (rule.Operator is { } op && (uint)op > (uint)CombineOperator.Min)
        {
            throw new RegistryValidationException(FieldPath.Member(field, "operator"), $"{(int)op} is not a defined operator (SUM, MAX, MIN)");
        }

        if (!rule.UsePipeline && rule.Operator is null)
        {
            throw new RegistryValidationException(FieldPath.Member(field, "operator"), "is required when use_pipeline is false (SUM, MAX or MIN)");
        }

        var clamp = FieldPath.Member(field, "clamp_default");
        if (rule.ClampDefault is null)
        {
            throw new RegistryValidationException(clamp, "is required");
        }

        if (!double.IsFinite(rule.ClampDefault.Min))
        {
            throw new RegistryValidationException(FieldPath.Member(clamp, "min"), $"{rule.ClampDefault.Min} is not a finite number");
        }

        if (!double.IsFinite(rule.ClampDefault.Max))
        {
            throw new RegistryValidationException(FieldPath.Member(clamp, "max"), $"{rule.ClampDefault.Max} is not a finite number");
        }

        if (rule.ClampDefault.Min > rule.ClampDefault.Max)
        {
            throw new RegistryValidationException(clamp, $"min {rule.ClampDefault.Min} is greater than max {rule.ClampDefault.Max}");
        }
    }
}
