using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// Optuna's multivariate TPE on the same test functions, run by <c>optuna_tpe.py</c> under the system Python
/// (Debian's <c>python3-optuna</c> is importable only there). Returns null, with a message saying how to install it,
/// when Optuna is missing, so the rest of the bench still runs.
/// </summary>
internal static class OptunaTpe
{
    private const string Python = "/usr/bin/python3";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "optuna_tpe.py");

    public static bool IsAvailable()
    {
        if (File.Exists(Python) && Run(["-c", "import optuna"], out _) == 0)
            return true;
        Console.WriteLine($"Optuna is not importable by {Python}; install it with `sudo apt-get install python3-optuna` to compare against TPE.");
        return false;
    }

    /// <summary>Simple regrets of one TPE study per seed (1 … <paramref name="seeds"/>).</summary>
    public static double[] Regrets(string objective, int trials, double noiseStandardDeviation, int seeds)
    {
        var arguments = new List<string>
        {
            Script, objective, trials.ToString(CultureInfo.InvariantCulture), noiseStandardDeviation.ToString("R", CultureInfo.InvariantCulture),
        };
        for (var s = 1; s <= seeds; s++)
            arguments.Add(s.ToString(CultureInfo.InvariantCulture));
        if (Run(arguments, out var output) != 0)
            throw new InvalidOperationException($"{Script} failed: {output}");
        var lastLine = output.TrimEnd().Split('\n')[^1];
        using var result = JsonDocument.Parse(lastLine);
        var regrets = result.RootElement.GetProperty("regrets");
        var values = new double[regrets.GetArrayLength()];
        for (var i = 0; i < values.Length; i++)
            values[i] = regrets[i].GetDouble();
        return values;
    }

    private static int Run(IEnumerable<string> arguments, out string output)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            output += error.Result;
        return process.ExitCode;
    }
}
