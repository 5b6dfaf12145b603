using Cluster.GrainInterfaces.Knowledge;
using Cluster.Grains.Knowledge.Hosting;
using Cluster.Grains.Knowledge.Storage;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Grains.Knowledge.Ingestion;

/// <summary>
/// Finishes what a stopped silo left: once the silo is active, and then every
/// <see cref="KnowledgeOptions.RecoveryInterval"/>, it offers documents left pending, or processing under an expired
/// claim, to the ingestion workers. Every silo scans; the claim in storage lets only one worker take each document.
/// </summary>
public sealed partial class IngestionRecovery(
    IKnowledgeStore store,
    IGrainFactory grains,
    KnowledgeOptions options,
    TimeProvider time,
    ILogger<IngestionRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const int ScanLimit = 1000;

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(IngestionRecovery), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    /// <summary>Offers every document found unfinished now; returns how many were offered.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var unfinished = await store.FindUnfinishedAsync(now - options.PendingGrace, now, ScanLimit, cancellationToken);
        foreach (var document in unfinished)
            await grains.GetGrain<IDocumentIngestionGrain>(document.KnowledgeBaseId).ProcessAsync(document.DocumentId);
        if (unfinished.Count > 0)
            LogOffered(unfinished.Count);
        return unfinished.Count;
    }

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.RecoveryInterval, time);
        try
        {
            do
            {
                try
                {
                    await ScanAsync(stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // The next round tries again; the documents stay unfinished in storage meanwhile.
                    LogScanFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offered {Count} unfinished documents to the ingestion workers again")]
    private partial void LogOffered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scan for unfinished documents failed; it runs again at the next interval")]
    private partial void LogScanFailed(Exception error);
}
