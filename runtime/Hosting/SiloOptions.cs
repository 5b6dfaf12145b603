namespace Cluster.Runtime.Hosting;

/// <summary>A silo's settings; bound from configuration section "Cluster" by the silo host.</summary>
public sealed class SiloOptions
{
    /// <summary>Unique id of this silo; generated when empty.</summary>
    public string SiloId { get; set; } = "";

    /// <summary>Keeps clusters that share infrastructure apart.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>The silo's roles, for example "gpu"; grain types with a [SiloRole] are placed only on silos that have it.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>
    /// Where this silo listens for other silos and gateways (for example "127.0.0.1:11111"; port 0 picks a free
    /// port). Empty: the silo runs alone in its process, without networking (the embedded default).
    /// </summary>
    public string ListenEndpoint { get; set; } = "";

    /// <summary>The address advertised to the cluster; defaults to the bound listen address.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The secret every silo and gateway of the cluster shares; peers must prove they know it.</summary>
    public string SharedSecret { get; set; } = "";

    /// <summary>How long a grain call may take before the caller gets a timeout.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is deactivated (per type: [CollectionAgeLimit]).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for; by default a quarter of the shortest collection age, at most one minute.</summary>
    public TimeSpan? CollectionInterval { get; set; }

    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For how long after a membership change a grain's new home asks the grain's previous home to let the grain go
    /// before activating it, so the grain never runs on both and starts from the state the previous home wrote.
    /// </summary>
    public TimeSpan HandOverWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a new home waits for the previous home's answer before it activates the grain anyway.</summary>
    public TimeSpan HandOverTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How precisely call deadlines are enforced.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    internal TimeSpan CollectionQuantum
    {
        get
        {
            if (CollectionInterval is { } interval)
                return interval;
            var shortest = CollectionAge;
            foreach (var c in Catalog.GrainRegistry.GrainClasses)
                if (c.CollectionAge is { } age && age < shortest)
                    shortest = age;
            var quarter = shortest / 4;
            return quarter < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100)
                : quarter > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : quarter;
        }
    }

    public bool IsNetworked => !string.IsNullOrWhiteSpace(ListenEndpoint);

    internal void Validate()
    {
        if (IsNetworked && !System.Net.IPEndPoint.TryParse(ListenEndpoint, out _))
            throw new ArgumentException($"Cluster:ListenEndpoint '{ListenEndpoint}' must be an IP:port address, for example 127.0.0.1:11111.");
        if (IsNetworked && System.Text.Encoding.UTF8.GetByteCount(SharedSecret) < 16)
            throw new ArgumentException("Cluster:SharedSecret must be set (at least 16 characters) when the silo listens for a cluster.");
        if (CallTimeout <= TimeSpan.Zero)
            throw new ArgumentException("Cluster:CallTimeout must be positive.");
        if (HandOverWindow < TimeSpan.Zero || HandOverTimeout <= TimeSpan.Zero)
            throw new ArgumentException("Cluster:HandOverWindow must not be negative and Cluster:HandOverTimeout must be positive.");
        if (CollectionAge <= TimeSpan.Zero)
            throw new ArgumentException("Cluster:CollectionAge must be positive.");
        foreach (var role in Roles)
            if (string.IsNullOrWhiteSpace(role))
                throw new ArgumentException("Cluster:Roles must not contain empty role names.");
    }
}
