using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>A validated list of parameters with unique names (built by <see cref="StudySpec"/> validation).</summary>
[GenerateSerializer]
[Alias("Compute.Optimization.SearchSpace")]
[Immutable]
public sealed record SearchSpace(IReadOnlyList<Parameter> Parameters)
{
    /// <summary>True when every parameter is categorical: the space of a bandit.</summary>
    [JsonIgnore]
    public bool IsCategoricalOnly
    {
        get
        {
            foreach (var p in Parameters)
            {
                if (p.Kind != ParameterKind.Categorical)
                    return false;
            }
            return true;
        }
    }

    /// <summary>
    /// Checks that <paramref name="values"/> assigns every parameter of this space a value it admits, and nothing else.
    /// </summary>
    /// <exception cref="StudyValidationException">naming <c>{field}.{parameter}</c>.</exception>
    public void Check(IReadOnlyDictionary<string, ParameterValue> values, string field)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var p in Parameters)
        {
            var at = $"{field}.{p.Name}";
            if (!values.TryGetValue(p.Name, out var v))
                throw new StudyValidationException(at, $"a value for parameter '{p.Name}' is missing.");
            switch (p.Kind)
            {
                case ParameterKind.Categorical:
                    if (v.Choice is null || !Contains(p.Choices, v.Choice))
                        throw new StudyValidationException(at, $"must be one of: {string.Join(", ", p.Choices)}.");
                    break;
                case ParameterKind.Int:
                    if (v.IsChoice || v.Number < p.Low || v.Number > p.High || v.Number != Math.Round(v.Number))
                        throw new StudyValidationException(at, $"must be an integer in [{p.Low}, {p.High}].");
                    break;
                default:
                    if (v.IsChoice || !(v.Number >= p.Low && v.Number <= p.High))
                        throw new StudyValidationException(at, $"must be a number in [{p.Low}, {p.High}].");
                    break;
            }
        }
        if (values.Count != Parameters.Count)
        {
            foreach (var name in values.Keys)
            {
                if (IndexOf(name) < 0)
                    throw new StudyValidationException($"{field}.{name}", $"'{name}' is not a parameter of this study.");
            }
        }
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Name == name)
                return i;
        }
        return -1;
    }

    private static bool Contains(IReadOnlyList<string> choices, string value)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] == value)
                return true;
        }
        return false;
    }
}
