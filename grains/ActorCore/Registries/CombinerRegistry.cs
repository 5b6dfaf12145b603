using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>Merge rules per dimension (Registry.schema.json); dimensions it does not list use <see cref="Fallback"/>.</summary>
public sealed class CombinerRegistry
{
    private readonly Dictionary<string, MergeRule> _rules;

    /// <param name="dimensions">Merge rule per dimension name.</param>
    /// <param name="fallback">Rule for unlisted dimensions; defaults to <see cref="DefaultFallback"/>.</param>
    /// <exception cref="RegistryValidationException">A name or rule is invalid.</exception>
    public CombinerRegistry(IReadOnlyDictionary<string, MergeRule> dimensions, MergeRule? fallback = null)
    {
        if (dimensions is null)
        {
            throw new RegistryValidationException("dimensions", "is required");
        }

        _rules = new Dictionary<string, MergeRule>(dimensions.Count, StringComparer.Ordinal);
        foreach (var (name, rule) in dimensions)
        {
            var field = FieldPath.Member("dimensions", name);
            if (!DimensionName.IsValid(name))
            {
                throw new RegistryValidationException(field, $"'{name}' does not match {DimensionName.Pattern}");
            }

            if (rule is null)
            {
                throw new RegistryValidationException(field, "must not be null");
            }

            MergeRuleValidator.Validate(rule, field);
            _rules.Add(name, rule);
        }

        Fallback = fallback ?? DefaultFallback;
        MergeRuleValidator.Validate(Fallback, "fallback");
    }

    /// <summary>Pipeline mode clamped to [0, 1,000,000].</summary>
    public static MergeRule DefaultFallback { get; } = new()
    {
        UsePipeline = true,
        ClampDefault = new ClampRange { Min = 0, Max = 1_000_000 },
    };

    public IReadOnlyDictionary<string, MergeRule> Dimensions => _rules;

    public MergeRule Fallback { get; }

    public MergeRule RuleFor(string dimension) => _rules.TryGetValue(dimension, out var rule) ? rule : Fallback;

    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CombinerRegistry FromJson(string json, MergeRule? fallback = null) =>
        FromDocument(RegistryDocument.FromJson<CombinerRegistryDocument>(json), fallback);

    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CombinerRegistry FromYaml(string yaml, MergeRule? fallback = null) =>
        FromDocument(RegistryDocument.FromYaml<CombinerRegistryDocument>(yaml), fallback);

    /// <summary>Loads a .yml, .yaml or .json file.</summary>
    /// <exception cref="RegistryValidationException">The document is malformed or breaks a rule.</exception>
    public static CombinerRegistry FromFile(string path, MergeRule? fallback = null) =>
        FromDocument(RegistryDocument.FromFile<CombinerRegistryDocument>(path), fallback);

    /// <exception cref="RegistryValidationException">A name or rule is invalid, or the document is null.</exception>
    public static CombinerRegistry FromDocument(CombinerRegistryDocument document, MergeRule? fallback = null) =>
        new((document ?? throw new RegistryValidationException("$", "the document is empty")).Dimensions, fallback);

    /// <summary>The listed dimensions as a document (the fallback rule is not part of it).</summary>
    public CombinerRegistryDocument ToDocument() => new() { Dimensions = _rules };
}
