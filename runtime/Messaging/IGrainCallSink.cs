namespace Cluster.Runtime.Messaging;

/// <summary>Where a grain reference sends its requests: a silo, or a client connected to the cluster.</summary>
public interface IGrainCallSink
{
    Task<TResult> SendAsync<TResult>(GrainReference target, Request<TResult> request, CancellationToken cancellationToken);
}
