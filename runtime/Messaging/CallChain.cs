using System.Text;

namespace Cluster.Runtime.Messaging;

/// <summary>The grains a request passed through, caller first: used to name the cycle when a chain deadlocks.</summary>
internal sealed class CallChain(GrainId grain, CallChain? parent)
{
    public GrainId Grain { get; } = grain;

    public CallChain? Parent { get; } = parent;

    public bool Contains(GrainId id)
    {
        for (var c = this; c is not null; c = c.Parent)
            if (c.Grain == id)
                return true;
        return false;
    }

    public string Describe(GrainId target)
    {
        var nodes = new List<GrainId>();
        for (var c = this; c is not null; c = c.Parent)
            nodes.Add(c.Grain);
        var sb = new StringBuilder();
        for (var i = nodes.Count - 1; i >= 0; i--)
            sb.Append(nodes[i]).Append(" -> ");
        return sb.Append(target).ToString();
    }
}
