namespace Cluster.Grains.ActorCore;

/// <summary>How one dimension's contributions combine (MergeRule.schema.json).</summary>
public sealed record MergeRule
{
    public required bool UsePipeline { get; init; }

    /// <summary>Required when <see cref="UsePipeline"/> is false.</summary>
    public CombineOperator? Operator { get; init; }

    public required ClampRange ClampDefault { get; init; }

    internal void Validate(string field)
    {
        if (Operator is { } op && (uint)op > (uint)CombineOperator.Min)
        {
            throw new RegistryValidationException(FieldPath.Member(field, "operator"), $"{(int)op} is not a defined operator (SUM, MAX, MIN)");
        }

        if (!UsePipeline && Operator is null)
        {
            throw new RegistryValidationException(FieldPath.Member(field, "operator"), "is required when use_pipeline is false (SUM, MAX or MIN)");
        }

        var clamp = FieldPath.Member(field, "clamp_default");
        if (ClampDefault is null)
        {
            throw new RegistryValidationException(clamp, "is required");
        }

        if (!double.IsFinite(ClampDefault.Min))
        {
            throw new RegistryValidationException(FieldPath.Member(clamp, "min"), $"{ClampDefault.Min} is not a finite number");
        }

        if (!double.IsFinite(ClampDefault.Max))
        {
            throw new RegistryValidationException(FieldPath.Member(clamp, "max"), $"{ClampDefault.Max} is not a finite number");
        }

        if (ClampDefault.Min > ClampDefault.Max)
        {
            throw new RegistryValidationException(clamp, $"min {ClampDefault.Min} is greater than max {ClampDefault.Max}");
        }
    }
}
