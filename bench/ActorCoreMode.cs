using System.Diagnostics;
using System.Text.Json;
using Cluster.GrainInterfaces.ActorCore;
using Cluster.Grains.ActorCore;

namespace Cluster.Bench;

/// <summary>
/// Single-core throughput and latency of <see cref="Aggregator.Resolve"/> on a typical actor: 10 subsystems, each with
/// 20 contributions and 5 caps, over 30 dimensions. Prints progress, then one JSON line.
/// </summary>
public static class ActorCoreMode
{
    private const int Subsystems = 10;
    private const int ContributionsPerSubsystem = 20;
    private const int CapsPerSubsystem = 5;
    private const int DimensionCount = 30;

    public static int Run(string[] args)
    {
        var engine = MeasureEngine(Console.Out);
        Console.WriteLine(JsonSerializer.Serialize(engine.ToJsonFields()));
        return 0;
    }

    /// <summary>Engine-only figures; runtime and HTTP modes add their own fields next to <see cref="EngineFigures.ToJsonFields"/>.</summary>
    public static EngineFigures MeasureEngine(TextWriter progress)
    {
        var outputs = TypicalActor();
        var combiner = TypicalCombiner();
        var layers = CapLayerRegistry.Default;
        var snapshot = Aggregator.Resolve(outputs, combiner, layers);
        progress.WriteLine($"actor-core: typical actor resolves to {snapshot.Primary.Count} primary, {snapshot.Derived.Count} derived, {snapshot.CapsUsed.Count} capped dimensions");

        Loop(outputs, combiner, layers, 50_000);

        const int perRun = 200_000;
        var rates = new double[5];
        for (var run = 0; run < rates.Length; run++)
        {
            var start = Stopwatch.GetTimestamp();
            Loop(outputs, combiner, layers, perRun);
            rates[run] = perRun / Stopwatch.GetElapsedTime(start).TotalSeconds;
            progress.WriteLine($"actor-core: run {run + 1}/{rates.Length}: {rates[run]:N0} resolves/s");
        }

        const int samples = 200_000;
        var latencies = new long[samples];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Aggregator.Resolve(outputs, combiner, layers);
            latencies[i] = Stopwatch.GetTimestamp() - start;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)samples;
        Array.Sort(latencies);
        Array.Sort(rates);
        var figures = new EngineFigures(
            ResolvePerSec1Core: rates[rates.Length / 2],
            ResolveP50Us: Microseconds(latencies[samples / 2]),
            ResolveP99Us: Microseconds(latencies[samples * 99 / 100]),
            ResolveAllocatedBytes: allocated);
        progress.WriteLine($"actor-core: median {figures.ResolvePerSec1Core:N0} resolves/s, p50 {figures.ResolveP50Us:F2} µs, p99 {figures.ResolveP99Us:F2} µs, {figures.ResolveAllocatedBytes:N0} B allocated per resolve");
        return figures;
    }

    private static void Loop(IReadOnlyList<SubsystemOutput> outputs, CombinerRegistry combiner, CapLayerRegistry layers, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Aggregator.Resolve(outputs, combiner, layers);
        }
    }

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>The nine dimensions of registry.example.yml; the other 21 dimensions of the typical actor use the fallback rule.</summary>
    public static CombinerRegistry TypicalCombiner() => CombinerRegistry.FromYaml(Registry);

    /// <summary>
    /// The typical actor, also for runtime and HTTP modes: subsystem i touches a sliding window of the 30 dimensions,
    /// so each dimension gets several contributions in mixed buckets, priorities and cap layers.
    /// </summary>
    public static SubsystemOutput[] TypicalActor()
    {
        var dimensions = Enumerable.Range(0, DimensionCount).Select(DimensionAt).ToArray();
        var buckets = new[] { Bucket.Flat, Bucket.Flat, Bucket.Mult, Bucket.Flat, Bucket.PostAdd, Bucket.Mult, Bucket.Flat, Bucket.Flat, Bucket.PostAdd, Bucket.Override };
        var modes = new[] { CapMode.Baseline, CapMode.Additive, CapMode.HardMax, CapMode.HardMin, CapMode.Override };
        var outputs = new SubsystemOutput[Subsystems];
        for (var s = 0; s < Subsystems; s++)
        {
            var system = $"system_{s:D2}";
            var contributions = new List<Contribution>();
            for (var j = 0; j < ContributionsPerSubsystem; j++)
            {
                var bucket = buckets[(s + j) % buckets.Length];
                contributions.Add(new Contribution
                {
                    Dimension = dimensions[((s * 7) + j) % DimensionCount],
                    Bucket = bucket,
                    Value = bucket == Bucket.Mult ? 0.05 * ((j % 4) + 1) : 10.5 * (j + 1),
                    System = system,
                    Priority = j % 3,
                });
            }

            var caps = new List<CapContribution>();
            for (var j = 0; j < CapsPerSubsystem; j++)
            {
                var mode = modes[(s + j) % modes.Length];
                var scope = CapLayerRegistry.Default.Order[(s + j) % CapLayerRegistry.Default.Order.Count];
                caps.Add(new CapContribution
                {
                    Dimension = dimensions[((s * 3) + (j * 6)) % DimensionCount],
                    Mode = mode,
                    Kind = mode == CapMode.HardMin || j == 4 ? CapKind.Min : CapKind.Max,
                    Value = mode == CapMode.HardMin ? 5 : 5_000 + (100 * j),
                    Scope = scope,
                    Realm = scope == CapLayers.Realm ? "kim_dan:T2" : null,
                    System = system,
                    Priority = j % 2,
                });
            }

            outputs[s] = new SubsystemOutput
            {
                Primary = contributions.Take(14).ToList(),
                Derived = contributions.Skip(14).ToList(),
                Caps = caps,
                Meta = new SubsystemMeta { System = system },
            };
        }

        return outputs;
    }

    private static string DimensionAt(int i) => i < KnownDimensions.Length ? KnownDimensions[i] : $"stat_{i:D2}";

    private static readonly string[] KnownDimensions =
        ["strength", "intelligence", "spirit", "magic_power", "mp_max", "crit_rate", "cooldown_reduction", "move_speed", "lifespan_years"];

    private const string Registry = """
        dimensions:
          strength:            { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          intelligence:        { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          spirit:              { use_pipeline: true,  clamp_default: { min: 0, max: 999999 } }
          magic_power:         { use_pipeline: true,  clamp_default: { min: 0, max: 1000000 } }
          mp_max:              { use_pipeline: true,  clamp_default: { min: 0, max: 2000000 } }
          crit_rate:           { use_pipeline: true,  clamp_default: { min: 0, max: 1 } }
          cooldown_reduction:  { use_pipeline: true,  clamp_default: { min: 0, max: 0.5 } }
          move_speed:          { use_pipeline: true,  clamp_default: { min: 0, max: 12 } }
          lifespan_years:      { use_pipeline: false, operator: MAX, clamp_default: { min: 0, max: 100000 } }
        """;

    /// <summary>What the engine measured; <see cref="ToJsonFields"/> gives the names the bench JSON line uses.</summary>
    public sealed record EngineFigures(double ResolvePerSec1Core, double ResolveP50Us, double ResolveP99Us, double ResolveAllocatedBytes)
    {
        public Dictionary<string, object> ToJsonFields() => new()
        {
            ["resolve_per_sec_1core"] = Math.Round(ResolvePerSec1Core),
            ["resolve_p50_us"] = Math.Round(ResolveP50Us, 3),
            ["resolve_p99_us"] = Math.Round(ResolveP99Us, 3),
            ["resolve_alloc_bytes"] = Math.Round(ResolveAllocatedBytes),
        };
    }
}
