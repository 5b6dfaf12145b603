using System.Runtime.ExceptionServices;
using Orleans;
using Orleans.Runtime;

namespace Cluster.Silo.Resilience;

/// <summary>
/// Sends a grain call again when the cluster rejected it unprocessed: a silo that is leaving refuses the requests
/// that still reach it ("Silo stopping") and forwards none, and the caller's view of the membership catches up
/// within a table refresh. A rejected request never ran, so sending it again cannot apply it twice. Retries back off
/// from 20 ms and stop after <see cref="RetryBudget"/>. Then a call made outside any grain (the gateway's) ends in
/// the rejection, and a call made by a grain in <see cref="CallRejectedException"/>: the grain's own call did run,
/// so a rejection must never reach its caller, whose filter would send it again.
/// </summary>
public sealed class RejectedCallRetryFilter : IOutgoingGrainCallFilter
{
    /// <summary>Longer than a membership table refresh and a gateway list refresh together (2 s and 1 s).</summary>
    public static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(500);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var call = context.Invoke();
        // Calls that complete at once and succeed need no state machine.
        if (call.IsCompletedSuccessfully && !IsRejection(context.Response?.Exception))
            return call;
        return AwaitAsync(call, context);
    }

    private static async Task AwaitAsync(Task call, IOutgoingGrainCallContext context)
    {
        try
        {
            await call;
        }
        catch (OrleansMessageRejectionException rejection)
        {
            await RetryAsync(context, rejection);
            return;
        }

        if (context.Response?.Exception is OrleansMessageRejectionException carried)
            await RetryAsync(context, carried);
    }

    private static async Task RetryAsync(IOutgoingGrainCallContext context, OrleansMessageRejectionException rejection)
    {
        var started = Environment.TickCount64;
        var delay = FirstDelay;
        var attempts = 1;
        while (Environment.TickCount64 - started + delay.TotalMilliseconds <= RetryBudget.TotalMilliseconds)
        {
            await Task.Delay(delay);
            attempts++;
            try
            {
                await context.Invoke();
                if (context.Response?.Exception is not OrleansMessageRejectionException carried)
                    return;
                rejection = carried;
            }
            catch (OrleansMessageRejectionException again)
            {
                rejection = again;
            }

            delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
        }

        if (context.SourceId is null)
            ExceptionDispatchInfo.Throw(rejection);
        throw new CallRejectedException(
            $"The cluster rejected {context.InterfaceName}.{context.MethodName} on {context.TargetId} {attempts} times over " +
            $"{Environment.TickCount64 - started} ms ({rejection.Message}); it did not run. Retry once the cluster has silos that are not stopping.");
    }

    private static bool IsRejection(Exception? e) => e is OrleansMessageRejectionException;
}
