using Cluster.GrainInterfaces.Compute.Analytics;
using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Analytics;

/// <summary>Validation of a posted batch of execution records: all or nothing.</summary>
public static class ExecutionBatch
{
    public const int MaxRecords = 10_000;
    public const int MaxTextLength = 200;
    public const int MaxParameters = 64;
    public const double MaxExecutionTimeMs = 86_400_000;

    /// <summary>The earliest plausible timestamp; the latest is a day past the server's clock.</summary>
    public static readonly DateTimeOffset MinTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Validates every record and returns them as executions, in order.</summary>
    /// <exception cref="ExecutionValidationException">naming the first offending field, e.g. <c>[3].responseQuality</c>.</exception>
    public static Execution[] Validate(IReadOnlyList<ExecutionRecord?>? records)
    {
        if (records is null)
            throw new ExecutionValidationException("", "a JSON array of execution records is required.");
        if (records.Count > MaxRecords)
            throw new ExecutionValidationException("", $"at most {MaxRecords} records per batch; got {records.Count}.");
        var executions = new Execution[records.Count];
        for (var i = 0; i < records.Count; i++)
            executions[i] = Validate(records[i], $"[{i}]");
        return executions;
    }

    private static Execution Validate(ExecutionRecord? record, string at)
    {
        if (record is null)
            throw new ExecutionValidationException(at, "a record is required.");
        var taskType = Text(record.TaskType, $"{at}.taskType");
        var parameters = Parameters(record.Parameters, $"{at}.parameters");
        var model = Text(record.Model, $"{at}.model");
        var provider = Text(record.Provider, $"{at}.provider");
        if (record.ExecutionTimeMs is not { } time)
            throw new ExecutionValidationException($"{at}.executionTimeMs", "is required.");
        if (!(time >= 0 && time <= MaxExecutionTimeMs))
            throw new ExecutionValidationException($"{at}.executionTimeMs", $"must be a number of milliseconds in [0, {MaxExecutionTimeMs}].");
        var tokens = Tokens(record.Tokens, $"{at}.tokens");
        if (record.ResponseQuality is { } quality && !(quality >= 0 && quality <= 1))
            throw new ExecutionValidationException($"{at}.responseQuality", "must be in [0, 1].");
        if (record.UserSatisfaction is { } satisfaction && !(satisfaction >= 0 && satisfaction <= 5))
            throw new ExecutionValidationException($"{at}.userSatisfaction", "must be in [0, 5].");
        if (record.Success is not { } success)
            throw new ExecutionValidationException($"{at}.success", "is required.");
        if (success && record.ErrorType is not null)
            throw new ExecutionValidationException($"{at}.errorType", "only a failed execution has an error type.");
        if (record.ErrorType is not null)
            Text(record.ErrorType, $"{at}.errorType");
        var complexity = Text(record.Complexity, $"{at}.complexity");
        var domain = Text(record.Domain, $"{at}.domain");
        if (record.Timestamp is not { } timestamp || timestamp == default)
            throw new ExecutionValidationException($"{at}.timestamp", $"is required: {OffsetTimestampConverter.Expected}.");
        if (timestamp < MinTimestamp || timestamp > DateTimeOffset.UtcNow.AddDays(1))
            throw new ExecutionValidationException($"{at}.timestamp", "must be between 2000-01-01T00:00:00Z and one day past the server's clock.");
        return new Execution(taskType, parameters, model, provider, time, tokens, record.ResponseQuality, record.UserSatisfaction,
            success, record.ErrorType, complexity, domain, timestamp);
    }

    private static string Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ExecutionValidationException(field, "a non-empty string is required.");
        if (value.Length > MaxTextLength)
            throw new ExecutionValidationException(field, $"must be at most {MaxTextLength} characters.");
        if (!StorableText.Is(value))
            throw new ExecutionValidationException(field, StorableText.Problem);
        return value;
    }

    private static ParameterSet Parameters(IReadOnlyDictionary<string, ParameterValue>? parameters, string field)
    {
        if (parameters is null)
            return ParameterSet.Empty;
        if (parameters.Count > MaxParameters)
            throw new ExecutionValidationException(field, $"at most {MaxParameters} parameters are allowed.");
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxTextLength || !StorableText.Is(name))
                throw new ExecutionValidationException(field, $"parameter names must be non-empty, at most {MaxTextLength} characters, and {StorableText.Problem}");
            if (value.Choice is { } choice ? choice.Length > MaxTextLength || !StorableText.Is(choice) : !double.IsFinite(value.Number))
                throw new ExecutionValidationException($"{field}.{name}", $"must be a finite number or a string of at most {MaxTextLength} characters that {StorableText.Problem}");
        }
        return ParameterSet.Of(parameters);
    }

    private static TokenCounts Tokens(TokenCounts? tokens, string field)
    {
        if (tokens is null)
            throw new ExecutionValidationException(field, "is required: {prompt, completion, total}.");
        if (tokens.Prompt < 0)
            throw new ExecutionValidationException($"{field}.prompt", "must not be negative.");
        if (tokens.Completion < 0)
            throw new ExecutionValidationException($"{field}.completion", "must not be negative.");
        if (tokens.Total < tokens.Prompt + tokens.Completion)
            throw new ExecutionValidationException($"{field}.total", "must be at least prompt + completion.");
        return tokens;
    }
}
