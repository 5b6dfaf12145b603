namespace Cluster.Runtime.Messaging;

/// <summary>Sends the outcome of a request that arrived from another process back to its caller.</summary>
internal interface IRemoteReply
{
    void Send(Request request, Task outcome);
}
