namespace Cluster.Bench.VisionScheduling;

/// <summary>One job of the synthetic stream: when it arrives, for which model, from which tenant.</summary>
internal readonly record struct SimulatedArrival(long AtTicks, int Model, string Tenant)
{
    private static readonly string[] Tenants = ["tenant-a", "tenant-a", "tenant-a", "tenant-b", "tenant-c"];

    /// <summary>Poisson arrivals at <paramref name="perSecond"/>, models drawn by share; one tenant sends 60 % of the jobs.</summary>
    public static SimulatedArrival[] Stream(int seed, double perSecond, TimeSpan length)
    {
        var random = new Random(seed);
        var arrivals = new List<SimulatedArrival>();
        var at = 0.0;
        while (true)
        {
            at += -Math.Log(1 - random.NextDouble()) / perSecond;
            if (at >= length.TotalSeconds)
                return [.. arrivals];
            arrivals.Add(new SimulatedArrival((long)(at * TimeSpan.TicksPerSecond), Pick(random.NextDouble()), Tenants[random.Next(Tenants.Length)]));
        }
    }

    private static int Pick(double draw)
    {
        var mix = SimulatedModel.Mix;
        for (var i = 0; i < mix.Length; i++)
        {
            draw -= mix[i].Share;
            if (draw < 0)
                return i;
        }

        return mix.Length - 1;
    }
}
