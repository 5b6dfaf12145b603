using Orleans;

namespace Cluster.Tests.Dashboard;

/// <summary>A match's running score: the grain calls the dashboard tests generate and then look for.</summary>
[Alias("Tests.Dashboard.IMatchScoreGrain")]
public interface IMatchScoreGrain : IGrainWithIntegerKey
{
    [Alias("RecordPointsAsync")]
    Task<int> RecordPointsAsync(int points);
}
