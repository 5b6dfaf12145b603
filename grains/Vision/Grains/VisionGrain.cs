using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Vision;
using Cluster.Grains.Vision.Devices;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Cluster.Grains.Vision.Grains;

/// <summary>
/// The cluster's entry to vision. The device managers are found from membership: every active silo whose metadata
/// lists vision devices (only gpu silos do) has one manager per device. A job goes to the healthy manager where its
/// model is resident with the shortest queue, else to the one with the shortest queue; the managers' figures are
/// asked afresh at most every <see cref="FreshFor"/>.
/// </summary>
[GrainType("vision")]
[Reentrant]
public sealed class VisionGrain(IClusterMembershipService membership, ISiloMetadataCache metadata, TimeProvider time) : Grain, IVisionGrain
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, VisionDeviceView> _figures = new(StringComparer.Ordinal);
    private DateTimeOffset _figuresAt = DateTimeOffset.MinValue;

    public Task<VisionJobView> SubmitAsync(VisionJobRequest request) => PlaceAsync(request, null);

    public Task<VisionJobView> ResubmitAsync(VisionJobRequest request, string failedManager) => PlaceAsync(request, failedManager);

    public async Task<IReadOnlyList<VisionDeviceView>> GetDevicesAsync()
    {
        await RefreshAsync(Managers(), force: true);
        var views = new List<VisionDeviceView>(_figures.Values);
        views.Sort(static (a, b) => string.CompareOrdinal(a.Manager, b.Manager));
        return views;
    }

    public async Task<IReadOnlyList<VisionModelView>> GetModelsAsync() =>
        Merge(await Task.WhenAll(Each(Managers(), m => m.GetModelsAsync())));

    public async Task<IReadOnlyList<VisionModelView>> LoadAsync(string model) =>
        Merge(await Task.WhenAll(Each(Managers(), m => One(m.LoadAsync(model)))));

    public async Task<IReadOnlyList<VisionModelView>> UnloadAsync(string model) =>
        Merge(await Task.WhenAll(Each(Managers(), m => One(m.UnloadAsync(model)))));

    public async Task<IReadOnlyList<VisionModelView>> PinAsync(string model, bool pinned) =>
        Merge(await Task.WhenAll(Each(Managers(), m => One(m.PinAsync(model, pinned)))));

    private async Task<VisionJobView> PlaceAsync(VisionJobRequest request, string? avoid)
    {
        var managers = Managers();
        await RefreshAsync(managers, force: false);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        if (avoid is not null)
            tried.Add(avoid);
        DeviceUnavailableException? last = null;
        while (Pick(request.Model, tried) is { } manager)
        {
            tried.Add(manager);
            try
            {
                var view = await GrainFactory.GetGrain<IVisionResourceManagerGrain>(manager).SubmitAsync(VisionJobId.New(manager), request);
                if (_figures.TryGetValue(manager, out var figures))
                    _figures[manager] = figures with { QueuedJobs = figures.QueuedJobs + 1 };
                return view;
            }
            catch (DeviceUnavailableException e)
            {
                last = e;
                _figures.Remove(manager);
            }
        }

        throw new NoCompatibleSiloException(last is null
            ? "No healthy gpu device can take vision jobs now; see GET /api/v1/vision/devices."
            : $"No gpu device can take the job now: {last.Message}");
    }

    /// <summary>Resident beats queue length: a load costs far more than waiting behind a few batches.</summary>
    private string? Pick(string model, HashSet<string> tried)
    {
        string? best = null;
        var bestResident = false;
        var bestQueue = int.MaxValue;
        foreach (var (manager, figures) in _figures)
        {
            if (!figures.Healthy || tried.Contains(manager))
                continue;
            var resident = figures.ResidentModels.Contains(model);
            var queue = figures.QueuedJobs + figures.RunningJobs;
            if (best is null || (resident && !bestResident) || (resident == bestResident && queue < bestQueue))
            {
                best = manager;
                bestResident = resident;
                bestQueue = queue;
            }
        }

        return best;
    }

    private async Task RefreshAsync(List<string> managers, bool force)
    {
        if (!force && time.GetUtcNow() - _figuresAt < FreshFor && _figures.Count == managers.Count)
            return;
        var views = await Task.WhenAll(Each(managers, async m =>
        {
            try
            {
                return await m.GetDeviceAsync().WaitAsync(AnswerTimeout);
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or NoCompatibleSiloException or OrleansMessageRejectionException)
            {
                return null;
            }
        }));
        _figures.Clear();
        foreach (var view in views)
        {
            if (view is not null)
                _figures[view.Manager] = view;
        }

        _figuresAt = time.GetUtcNow();
    }

    /// <summary>"{silo address}/{device id}" of every device of every active silo whose metadata lists vision devices.</summary>
    private List<string> Managers()
    {
        var managers = new List<string>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status != SiloStatus.Active
                || !metadata.GetSiloMetadata(member.SiloAddress).Metadata.TryGetValue(VisionDevices.MetadataKey, out var ids))
            {
                continue;
            }

            foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                managers.Add($"{member.SiloAddress.ToParsableString()}/{id}");
        }

        if (managers.Count == 0)
        {
            throw new NoCompatibleSiloException(
                "No gpu silo is up, so no device can run vision jobs; start a silo with Cluster:Roles including 'gpu' (it serves its CUDA devices, or the CPU).");
        }

        managers.Sort(StringComparer.Ordinal);
        return managers;
    }

    private List<Task<T>> Each<T>(List<string> managers, Func<IVisionResourceManagerGrain, Task<T>> call)
    {
        var calls = new List<Task<T>>(managers.Count);
        foreach (var manager in managers)
            calls.Add(call(GrainFactory.GetGrain<IVisionResourceManagerGrain>(manager)));
        return calls;
    }

    private static async Task<IReadOnlyList<VisionModelView>> One(Task<VisionModelView> view) => [await view];

    /// <summary>One entry per model, with every manager's placement of it.</summary>
    private static List<VisionModelView> Merge(IReadOnlyList<VisionModelView>[] perManager)
    {
        var merged = new Dictionary<string, VisionModelView>(StringComparer.Ordinal);
        foreach (var views in perManager)
        {
            foreach (var view in views)
            {
                merged[view.Name] = merged.TryGetValue(view.Name, out var seen)
                    ? seen with { Placements = [.. seen.Placements, .. view.Placements] }
                    : view;
            }
        }

        var models = new List<VisionModelView>(merged.Values);
        models.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return models;
    }
}
