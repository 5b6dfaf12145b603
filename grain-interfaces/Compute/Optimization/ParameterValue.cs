using System.Globalization;
using System.Text.Json.Serialization;
using Orleans;

namespace Cluster.GrainInterfaces.Compute.Optimization;

/// <summary>
/// One parameter's value: a number (float and int parameters) or a choice (categorical parameters).
/// In JSON it is the bare number or string, so <c>params</c> reads as <c>{"lr": 0.01, "optimizer": "adam"}</c>.
/// </summary>
[GenerateSerializer]
[Alias("Compute.Optimization.ParameterValue")]
[JsonConverter(typeof(ParameterValueJsonConverter))]
public readonly record struct ParameterValue
{
    private ParameterValue(double number, string? choice)
    {
        Number = number;
        Choice = choice;
    }

    /// <summary>The numeric value; 0 for a choice.</summary>
    [Id(0)]
    public double Number { get; }

    /// <summary>The chosen category, or null for a number.</summary>
    [Id(1)]
    public string? Choice { get; }

    public bool IsChoice => Choice is not null;

    public static ParameterValue Of(double number) => new(number, null);

    public static ParameterValue Of(string choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new ParameterValue(0, choice);
    }

    public override string ToString() => Choice ?? Number.ToString("R", CultureInfo.InvariantCulture);
}
