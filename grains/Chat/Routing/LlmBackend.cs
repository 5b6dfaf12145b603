using Cluster.GrainInterfaces.Chat;
using Microsoft.Extensions.AI;

namespace Cluster.Grains.Chat.Routing;

/// <summary>One configured backend as the router tracks it: its client, its circuit, its load and its health.</summary>
public sealed class LlmBackend : IDisposable
{
    private int _outstanding;
    private long _requests;
    private long _errors;
    private long _tokens;

    public LlmBackend(LlmBackendOptions options, IChatClient client, BackendCircuit circuit)
    {
        Options = options;
        Client = client;
        Circuit = circuit;
    }

    public LlmBackendOptions Options { get; }

    public string Name => Options.Name;

    public IChatClient Client { get; }

    public BackendCircuit Circuit { get; }

    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>False after a failed health check, until one passes; true until the first check.</summary>
    public bool Healthy { get; set; } = true;

    public DateTimeOffset? LastHealthCheck { get; set; }

    public long Requests => Interlocked.Read(ref _requests);

    public long Errors => Interlocked.Read(ref _errors);

    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Outstanding requests per unit of weight if one more were sent: the router picks the lowest.</summary>
    public double LoadIfChosen => (Outstanding + 1) / Options.Weight;

    /// <summary>Takes a concurrency slot; false when the backend is at <see cref="LlmBackendOptions.MaxConcurrency"/>.</summary>
    public bool TryAcquire()
    {
        if (Interlocked.Increment(ref _outstanding) <= Options.MaxConcurrency)
        {
            Interlocked.Increment(ref _requests);
            return true;
        }

        Interlocked.Decrement(ref _outstanding);
        return false;
    }

    public void Release() => Interlocked.Decrement(ref _outstanding);

    public void CountError() => Interlocked.Increment(ref _errors);

    public void CountTokens(long tokens) => Interlocked.Add(ref _tokens, tokens);

    public LlmBackendView View() => new(Name, Options.Kind, Options.Endpoint, Options.Model, Options.Weight, Options.MaxConcurrency,
        Outstanding, Healthy, LastHealthCheck, Circuit.State.ToString(), Requests, Errors, Tokens);

    public void Dispose()
    {
        Circuit.Dispose();
        Client.Dispose();
    }
}
