using Cluster.GrainInterfaces.Compute.Analytics;
using System.Globalization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// The body of <c>POST /api/v1/studies</c>: <c>{name, parameters, objectives, sampler?: "gp"|"random"|"thompson", seed?}</c>.
/// <c>Study.Create</c> (or <see cref="Validate"/>) validates it.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.StudySpec")]
[Immutable]
public sealed record StudySpec(
    string? Name,
    IReadOnlyList<ParameterSpec>? Parameters,
    IReadOnlyList<ObjectiveSpec>? Objectives,
    string? Sampler = null,
    long? Seed = null)
{
    public const int MaxNameLength = 200;
    public const int MaxParameters = 100;
    public const int MaxChoices = 1000;
    public const int MaxObjectives = 10;

    /// <summary>Integers beyond 2^53 are not exactly representable as the doubles trials carry.</summary>
    private const double MaxExactInteger = 9007199254740992d;

    /// <summary>Checks the whole spec, so the gateway can refuse bad input before any grain is called.</summary>
    /// <exception cref="StudyValidationException">naming the offending field, e.g. <c>parameters[1].low</c>.</exception>
    public (SearchSpace Space, IReadOnlyList<Objective> Objectives, SamplerKind Sampler) Validate()
    {
        RequireName(Name, "name");
        var space = ValidateSpace();
        var objectives = ValidateObjectives();
        var sampler = ValidateSampler(space);
        return (space, objectives, sampler);
    }

    private SearchSpace ValidateSpace()
    {
        if (Parameters is null || Parameters.Count == 0)
            throw new StudyValidationException("parameters", "at least one parameter is required.");
        if (Parameters.Count > MaxParameters)
            throw new StudyValidationException("parameters", $"at most {MaxParameters} parameters are allowed.");
        var parameters = new Parameter[Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var field = $"parameters[{i}]";
            var spec = Parameters[i] ?? throw new StudyValidationException(field, "a parameter is required.");
            RequireName(spec.Name, $"{field}.name");
            for (var j = 0; j < i; j++)
            {
                if (parameters[j].Name == spec.Name)
                    throw new StudyValidationException($"{field}.name", $"'{spec.Name}' is already the name of parameters[{j}].");
            }
            parameters[i] = spec.Type switch
            {
                "float" => Numeric(spec, field, ParameterKind.Float),
                "int" => Numeric(spec, field, ParameterKind.Int),
                "categorical" => Categorical(spec, field),
                null => throw new StudyValidationException($"{field}.type", "is required: float, int or categorical."),
                _ => throw new StudyValidationException($"{field}.type", $"'{spec.Type}' is not one of float, int, categorical."),
            };
        }
        return new SearchSpace(parameters);
    }

    private static Parameter Numeric(ParameterSpec spec, string field, ParameterKind kind)
    {
        if (spec.Choices is not null)
            throw new StudyValidationException($"{field}.choices", "only categorical parameters take choices.");
        var low = RequireBound(spec.Low, $"{field}.low", kind);
        var high = RequireBound(spec.High, $"{field}.high", kind);
        if (!(low < high))
            throw new StudyValidationException($"{field}.high", $"must be greater than low ({low.ToString(CultureInfo.InvariantCulture)}).");
        var log = spec.Log ?? false;
        if (log && low <= 0)
            throw new StudyValidationException($"{field}.low", "must be greater than 0 on a log scale.");
        return new Parameter(spec.Name!, kind, low, high, log, []);
    }

    private static double RequireBound(double? bound, string field, ParameterKind kind)
    {
        if (bound is not { } value)
            throw new StudyValidationException(field, "is required for a numeric parameter.");
        if (!double.IsFinite(value))
            throw new StudyValidationException(field, "must be a finite number.");
        if (kind == ParameterKind.Int && (value != Math.Round(value) || Math.Abs(value) > MaxExactInteger))
            throw new StudyValidationException(field, "must be an integer (at most 2^53 in magnitude) for an int parameter.");
        return value;
    }

    private static Parameter Categorical(ParameterSpec spec, string field)
    {
        if (spec.Low is not null)
            throw new StudyValidationException($"{field}.low", "categorical parameters take choices, not bounds.");
        if (spec.High is not null)
            throw new StudyValidationException($"{field}.high", "categorical parameters take choices, not bounds.");
        if (spec.Log is not null)
            throw new StudyValidationException($"{field}.log", "categorical parameters have no scale.");
        if (spec.Choices is null || spec.Choices.Count == 0)
            throw new StudyValidationException($"{field}.choices", "at least one choice is required.");
        if (spec.Choices.Count > MaxChoices)
            throw new StudyValidationException($"{field}.choices", $"at most {MaxChoices} choices are allowed.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < spec.Choices.Count; c++)
        {
            var choice = spec.Choices[c];
            if (string.IsNullOrEmpty(choice))
                throw new StudyValidationException($"{field}.choices[{c}]", "a choice must be a non-empty string.");
            if (choice.Length > MaxNameLength || !StorableText.Is(choice))
                throw new StudyValidationException($"{field}.choices[{c}]", $"must be at most {MaxNameLength} characters and {StorableText.Problem}");
            if (!seen.Add(choice))
                throw new StudyValidationException($"{field}.choices[{c}]", $"'{choice}' appears more than once.");
        }
        return new Parameter(spec.Name!, ParameterKind.Categorical, 0, 0, false, [.. spec.Choices]);
    }

    private Objective[] ValidateObjectives()
    {
        if (Objectives is null || Objectives.Count == 0)
            throw new StudyValidationException("objectives", "at least one objective is required.");
        if (Objectives.Count > MaxObjectives)
            throw new StudyValidationException("objectives", $"at most {MaxObjectives} objectives are allowed.");
        var objectives = new Objective[Objectives.Count];
        for (var i = 0; i < objectives.Length; i++)
        {
            var field = $"objectives[{i}]";
            var spec = Objectives[i] ?? throw new StudyValidationException(field, "an objective is required.");
            RequireName(spec.Name, $"{field}.name");
            for (var j = 0; j < i; j++)
            {
                if (objectives[j].Name == spec.Name)
                    throw new StudyValidationException($"{field}.name", $"'{spec.Name}' is already the name of objectives[{j}].");
            }
            var direction = spec.Direction switch
            {
                "minimize" => Direction.Minimize,
                "maximize" => Direction.Maximize,
                _ => throw new StudyValidationException($"{field}.direction", "must be minimize or maximize."),
            };
            objectives[i] = new Objective(spec.Name!, direction);
        }
        return objectives;
    }

    private SamplerKind ValidateSampler(SearchSpace space)
    {
        var sampler = Sampler switch
        {
            null or "gp" => SamplerKind.GaussianProcess,
            "random" => SamplerKind.Random,
            "thompson" => SamplerKind.Thompson,
            _ => throw new StudyValidationException("sampler", $"'{Sampler}' is not one of gp, random, thompson."),
        };
        if (sampler == SamplerKind.Thompson && !space.IsCategoricalOnly)
            throw new StudyValidationException("sampler", "thompson sampling needs every parameter to be categorical; use gp for numeric parameters.");
        return sampler;
    }

    private static void RequireName(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new StudyValidationException(field, "a non-empty name is required.");
        if (name.Length > MaxNameLength)
            throw new StudyValidationException(field, $"must be at most {MaxNameLength} characters.");
        if (!StorableText.Is(name))
            throw new StudyValidationException(field, StorableText.Problem);
    }
}
