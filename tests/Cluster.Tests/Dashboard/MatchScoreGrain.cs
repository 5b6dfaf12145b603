using Orleans;

namespace Cluster.Tests.Dashboard;

public sealed class MatchScoreGrain : Grain, IMatchScoreGrain
{
    private int _score;

    public Task<int> RecordPointsAsync(int points) => Task.FromResult(_score += points);
}
