namespace Cluster.Bench;

/// <summary>What wrk loads: a URL, and optionally a Lua script that builds each request from it.</summary>
internal sealed record WrkTarget(string Name, string Url, string? Script);
