namespace Cluster.Grains.Compute.Agents.Models;

/// <summary>One value of an agent's parameters: success probability, mean latency (ms), mean cost.</summary>
public readonly record struct AgentDraw(double SuccessProbability, double LatencyMs, double Cost);
