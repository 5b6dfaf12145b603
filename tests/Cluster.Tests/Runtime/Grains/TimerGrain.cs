using Cluster.Runtime;

namespace Cluster.Tests.Runtime.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(int periodMs);

    /// <summary>A request that stays inside the grain for a while.</summary>
    Task BusyAsync(int ms);

    Task<(int Ticks, int MaxOverlap)> ReadAsync();
}

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _inside;
    private int _maxOverlap;

    public Task StartAsync(int periodMs)
    {
        _timer ??= RegisterGrainTimer(OnTickAsync, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        return Task.CompletedTask;
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Delay(5, cancellationToken);
        _ticks++;
        _inside--;
    }

    public async Task BusyAsync(int ms)
    {
        Enter();
        await Task.Delay(ms);
        _inside--;
    }

    private void Enter()
    {
        _inside++;
        _maxOverlap = Math.Max(_maxOverlap, _inside);
    }

    public Task<(int Ticks, int MaxOverlap)> ReadAsync() => Task.FromResult((_ticks, _maxOverlap));
}
