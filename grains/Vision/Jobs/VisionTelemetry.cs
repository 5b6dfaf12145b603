using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cluster.Grains.Cluster;

namespace Cluster.Grains.Vision.Jobs;

/// <summary>
/// Vision meters on the cluster's meter: per device, committed and free bytes of the books and queued jobs (observed
/// from the managers' last reports); jobs by outcome, job latency and batch sizes as they happen.
/// </summary>
public static class VisionTelemetry
{
    private static readonly ConcurrentDictionary<string, DeviceFigures> Devices = new(StringComparer.Ordinal);

    public static readonly Counter<long> Jobs = ClusterTelemetry.Meter.CreateCounter<long>("cluster.vision.jobs", "{job}", "Vision jobs finished, by outcome");

    public static readonly Histogram<double> Latency =
        ClusterTelemetry.Meter.CreateHistogram<double>("cluster.vision.job.duration", "ms", "Time from submission to a vision job's result");

    public static readonly Histogram<int> BatchSize =
        ClusterTelemetry.Meter.CreateHistogram<int>("cluster.vision.batch.size", "{image}", "Images per model run");

    static VisionTelemetry()
    {
        ClusterTelemetry.Meter.CreateObservableGauge("cluster.vision.device.memory.committed", () => Observe(static f => f.CommittedBytes), "By",
            "Bytes the device's books commit to resident and loading models");
        ClusterTelemetry.Meter.CreateObservableGauge("cluster.vision.device.memory.free", () => Observe(static f => f.FreeBytes), "By",
            "Bytes the device's books may still commit");
        ClusterTelemetry.Meter.CreateObservableGauge("cluster.vision.queue.length", () => Observe(static f => f.QueuedJobs), "{job}",
            "Jobs waiting on the device");
    }

    public static void Report(string device, long committedBytes, long freeBytes, int queuedJobs) =>
        Devices[device] = new DeviceFigures(committedBytes, freeBytes, queuedJobs);

    private static List<Measurement<long>> Observe(Func<DeviceFigures, long> figure)
    {
        var measurements = new List<Measurement<long>>(Devices.Count);
        foreach (var (device, figures) in Devices)
            measurements.Add(new Measurement<long>(figure(figures), new KeyValuePair<string, object?>("device", device)));
        return measurements;
    }

    private readonly record struct DeviceFigures(long CommittedBytes, long FreeBytes, long QueuedJobs);
}
