using Cluster.GrainInterfaces;
using Cluster.GrainInterfaces.Vision;
using Cluster.Grains.Cluster;
using Cluster.Grains.Vision.Devices;
using Cluster.Grains.Vision.Hosting;
using Cluster.Grains.Vision.Jobs;
using Cluster.Grains.Vision.Models;
using Cluster.Grains.Vision.Queue;
using Cluster.Grains.Vision.Residency;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Cluster.Grains.Vision.Grains;

/// <summary>
/// One device of one gpu silo (key "{silo address}/{device id}"). The engines keep the books (residency), the order
/// (priority queue with aging and tenant shares) and the batches; this grain carries out their decisions: it loads and
/// unloads ONNX sessions, runs each batch off its turn (reentrant, so submissions keep arriving meanwhile), and answers
/// jobs. A CUDA or ONNX Runtime failure on a CUDA device takes the device out of service and moves its jobs to
/// another gpu silo's device.
/// </summary>
[GrainType("vision-manager")]
[PerSiloPlacement]
[RequireSiloRole("gpu")]
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class VisionResourceManagerGrain(
    VisionDevices devices,
    VisionOptions options,
    ModelCatalogue catalogue,
    ModelLoader loader,
    SiloIdentity silo,
    TimeProvider time,
    ILogger<VisionResourceManagerGrain> logger) : Grain, IVisionResourceManagerGrain
{
    /// <summary>Finished jobs stay readable this long.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly Dictionary<string, VisionJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _loads = new(StringComparer.Ordinal);
    private readonly List<QueuedJob<VisionJob>> _expired = [];
    private readonly List<QueuedJob<VisionJob>[]> _due = [];
    private readonly Queue<QueuedJob<VisionJob>[]> _ready = new();
    private readonly List<string> _idle = [];
    private VisionDevice _device = null!;
    private DeviceSessions _sessions = null!;
    private ResidencyBook _books = null!;
    private PriorityJobQueue<VisionJob> _queue = null!;
    private BatchFormer<VisionJob> _batches = null!;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;
    private int _running;
    private bool _stopping;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _device = devices.Get(Key[(Key.LastIndexOf('/') + 1)..]);
        _sessions = new DeviceSessions(_device, loader, new Preprocessing.RgbDecoder(options.Decoding));
        _books = new ResidencyBook(
            new ResidencyOptions { BudgetBytes = _device.TotalBytes, ReserveBytes = options.ReserveBytes, IdleTimeout = TimeSpan.FromMinutes(options.IdleUnloadMinutes) },
            PriorityWeightedLru.Instance, time);
        foreach (var model in catalogue.All)
            _books.Register(new ModelSpec(model.Name, ModelCatalogue.EstimateBytes(model), catalogue.PriorityOf(model.Name)));
        _queue = new PriorityJobQueue<VisionJob>(options.Queue, time);
        _batches = new BatchFormer<VisionJob>(options.Batching, time);
        _pump = PumpAsync();
        Report();
        logger.LogInformation("Vision manager {Manager} serves {Device} ({Name}): {Selection}", Key, _device.Id, _device.Name, devices.Selection);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping = true;
        _wake.TrySetResult();
        await _pump;
        _sessions.Dispose();
    }

    public Task<VisionJobView> SubmitAsync(string jobId, VisionJobRequest request)
    {
        if (devices.Problem(_device.Id) is { } problem)
            throw new DeviceUnavailableException(Key, problem);
        var model = Validate(request);
        var job = new VisionJob(jobId, request, Key, time.GetUtcNow());
        try
        {
            _queue.Enqueue(new QueuedJob<VisionJob>(jobId, request.Tenant, model.Name, (VisionPriority)request.Priority, job, request.Deadline));
        }
        catch (QueueFullException e)
        {
            throw new DeviceUnavailableException(Key, e.Message);
        }

        _jobs[jobId] = job;
        Wake();
        return Task.FromResult(job.View());
    }

    public async Task<VisionJobView> WaitAsync(string jobId, TimeSpan wait)
    {
        var job = Job(jobId);
        await Task.WhenAny(job.Finished, Task.Delay(wait, time));
        return job.View();
    }

    public Task<VisionJobView> GetJobAsync(string jobId) => Task.FromResult(Job(jobId).View());

    public Task<VisionJobView> CancelAsync(string jobId)
    {
        var job = Job(jobId);
        if (_queue.TryCancel(jobId, out _) || _batches.TryCancel(jobId, out _))
            Finish(job, j => j.Cancel(time.GetUtcNow()), "cancelled");
        return Task.FromResult(job.View());
    }

    public Task<VisionDeviceView> GetDeviceAsync()
    {
        var resident = new List<string>();
        foreach (var model in _books.Models)
        {
            if (model.State == ResidencyState.Resident)
                resident.Add(model.Name);
        }

        resident.Sort(StringComparer.Ordinal);
        var reading = _device.Kind == VisionDeviceKind.Cuda ? loader.Nvml?.Read(_device.Ordinal) : null;
        return Task.FromResult(new VisionDeviceView(Key, silo.Name, _device.Id, _device.Kind.ToString().ToLowerInvariant(), _device.Name,
            devices.Problem(_device.Id) is null, devices.Problem(_device.Id), _device.TotalBytes, _books.CapacityBytes + options.ReserveBytes,
            options.ReserveBytes, _books.CommittedBytes, _books.FreeBytes, resident, _queue.Count + _batches.PendingCount, _running,
            reading?.UtilisationPercent, reading?.TemperatureCelsius, reading?.UsedBytes));
    }

    public Task<IReadOnlyList<VisionModelView>> GetModelsAsync()
    {
        var views = new List<VisionModelView>();
        foreach (var model in catalogue.All)
            views.Add(ModelView(model));
        return Task.FromResult<IReadOnlyList<VisionModelView>>(views);
    }

    public async Task<VisionModelView> LoadAsync(string model)
    {
        var definition = Model(model, "name");
        await EnsureLoadedAsync(definition);
        return ModelView(definition);
    }

    public Task<VisionModelView> UnloadAsync(string model)
    {
        var definition = Model(model, "name");
        var residency = _books.Find(model)!;
        if (residency.State == ResidencyState.Resident)
        {
            try
            {
                Carry(_books.Unload(model));
            }
            catch (ResidencyConflictException e)
            {
                throw new ConflictException($"{e.Message} Unpin it first, or wait for its jobs to finish.");
            }
        }

        _sessions.Unload(model);
        Report();
        return Task.FromResult(ModelView(definition));
    }

    public Task<VisionModelView> PinAsync(string model, bool pinned)
    {
        var definition = Model(model, "name");
        if (pinned)
            _books.Pin(model);
        else
            Carry(_books.Unpin(model));
        return Task.FromResult(ModelView(definition));
    }

    private ModelDefinition Validate(VisionJobRequest request)
    {
        var model = Model(request.Model, "model");
        if (request.Task == VisionTask.Classify && !model.Classifies)
        {
            throw new VisionValidationException("task",
                $"model '{model.Name}' outputs features, not class scores, so it cannot classify; ask it for task 'embed', or classify with a model registered with Output 'logits'.");
        }

        JobRules.CheckPriority(request.Priority);
        JobRules.CheckDeadline(request.Deadline, time.GetUtcNow());
        if (request.Image.Length == 0)
            throw new VisionValidationException("image", "is empty.");
        return model;
    }

    private ModelDefinition Model(string name, string field)
    {
        JobRules.CheckModelName(name, field);
        if (!catalogue.TryGet(name, out var definition))
        {
            var known = new List<string>();
            foreach (var model in catalogue.All)
                known.Add(model.Name);
            throw new VisionModelNotFoundException(name, known);
        }

        return definition;
    }

    private VisionJob Job(string jobId) =>
        _jobs.TryGetValue(jobId, out var job) ? job : throw new VisionJobNotFoundException(jobId);

    private VisionModelView ModelView(ModelDefinition definition)
    {
        var residency = _books.Find(definition.Name)!;
        var loaded = _sessions.Find(definition.Name);
        VisionTask[] tasks = definition.Classifies ? [VisionTask.Classify, VisionTask.Embed] : [VisionTask.Embed];
        var placement = new ModelPlacement(Key, residency.State.ToString().ToLowerInvariant(), residency.Pinned, loaded?.FootprintBytes,
            loaded?.LoadTime.TotalMilliseconds, loaded?.FootprintSource, loaded?.Model.BatchesInOneRun);
        return new VisionModelView(definition.Name, definition.Description, definition.InputShape, tasks, (int)residency.Priority, [placement]);
    }

    private void Wake() => _wake.TrySetResult();

    /// <summary>
    /// Feeds the batch former from the queue while the device is free, runs released batches one at a time, expires
    /// jobs past their deadline and unloads idle models. Runs for the grain's lifetime on its scheduler.
    /// </summary>
    private async Task PumpAsync()
    {
        while (!_stopping)
        {
            var batch = NextBatch();
            if (batch is not null)
            {
                try
                {
                    await RunAsync(batch);
                }
                catch (Exception e)
                {
                    // The pump serves every later job: an unforeseen failure fails this batch, never the pump.
                    logger.LogError(e, "A batch of {Model} on {Device} failed", batch[0].Model, Key);
                    foreach (var job in batch)
                        Finish(job.Payload, j => j.Fail(time.GetUtcNow(), $"The batch failed on device {_device.Id}: {e.Message}"), "failed");
                }

                continue;
            }

            UnloadIdle();
            ForgetOld();
            var wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var due = _batches.NextDueAt is { } at ? at - time.GetUtcNow() : TimeSpan.FromSeconds(30);
            if (due > TimeSpan.Zero)
                await Task.WhenAny(wake.Task, Task.Delay(due, time));
        }
    }

    private QueuedJob<VisionJob>[]? NextBatch()
    {
        if (_ready.TryDequeue(out var ready))
            return ready;
        while (_queue.Dequeue(_expired) is { } next)
        {
            if (_batches.Add(next) is { } full)
            {
                ExpireTaken();
                return full;
            }
        }

        ExpireTaken();
        _due.Clear();
        _batches.TakeDue(_due);
        foreach (var due in _due)
            _ready.Enqueue(due);
        return _ready.TryDequeue(out ready) ? ready : null;
    }

    private void ExpireTaken()
    {
        _queue.TakeExpired(_expired);
        foreach (var expired in _expired)
            Finish(expired.Payload, j => j.Expire(time.GetUtcNow()), "expired");
        _expired.Clear();
    }

    private async Task RunAsync(QueuedJob<VisionJob>[] batch)
    {
        var model = Model(batch[0].Model, "model");
        var now = time.GetUtcNow();
        var live = new List<VisionJob>(batch.Length);
        foreach (var queued in batch)
        {
            if (queued.IsExpired(now))
                Finish(queued.Payload, j => j.Expire(now), "expired");
            else if (!queued.Payload.IsFinished)
                live.Add(queued.Payload);
        }

        if (live.Count == 0)
            return;
        try
        {
            await EnsureLoadedAsync(model);
        }
        catch (Exception e) when (e is ModelLoadException or VisionValidationException)
        {
            foreach (var job in live)
                Finish(job, j => j.Fail(time.GetUtcNow(), e.Message), "failed");
            return;
        }

        var images = new byte[live.Count][];
        for (var i = 0; i < live.Count; i++)
        {
            live[i].Start();
            images[i] = live[i].Request.Image;
        }

        _books.Acquire(model.Name);
        _running = live.Count;
        try
        {
            var outcome = await Task.Run(() => _sessions.Run(model.Name, images));
            VisionTelemetry.BatchSize.Record(outcome.RanImages);
            for (var i = 0; i < live.Count; i++)
                Answer(live[i], model, outcome, i, live.Count);
        }
        catch (OnnxRuntimeException e) when (_device.Kind == VisionDeviceKind.Cuda)
        {
            await FailDeviceAsync(new DeviceFailureException(_device.Id, e), live);
        }
        catch (Exception e) when (e is OnnxRuntimeException or ModelLoadException)
        {
            foreach (var job in live)
                Finish(job, j => j.Fail(time.GetUtcNow(), $"Model {model.Name} failed on device {_device.Id}: {e.Message}", live.Count), "failed");
        }
        finally
        {
            _running = 0;
            Carry(_books.Release(model.Name));
            Report();
        }
    }

    private void Answer(VisionJob job, ModelDefinition model, BatchOutcome outcome, int image, int batchSize)
    {
        var now = time.GetUtcNow();
        if (outcome.Slots[image] < 0)
        {
            Finish(job, j => j.Fail(now, outcome.Errors[image]!, batchSize), "failed");
            return;
        }

        var classify = job.Request.Task == VisionTask.Classify;
        var classes = classify ? Readout.Classes(outcome.Row(image), model.Labels) : null;
        var embedding = classify ? null : Readout.Embedding(outcome.Row(image));
        Finish(job, j => j.Succeed(now, batchSize, classes, embedding), "succeeded");
    }

    /// <summary>Loads the model once however many ask; evicts what the books name first.</summary>
    private async Task EnsureLoadedAsync(ModelDefinition model)
    {
        while (true)
        {
            if (_loads.TryGetValue(model.Name, out var loading))
            {
                await loading;
                continue;
            }

            var decision = _books.RequestLoad(model.Name);
            switch (decision.Outcome)
            {
                case LoadOutcome.AlreadyResident:
                    return;
                case LoadOutcome.Refused:
                    throw new VisionValidationException("model", decision.Reason ?? $"model '{model.Name}' does not fit on device {_device.Id}.");
                case LoadOutcome.Waiting:
                    throw new ModelLoadException(
                        $"Model {model.Name} does not fit on device {_device.Id} beside its pinned and in-use models now; unpin or unload one and retry. {decision.Reason}");
                case LoadOutcome.AlreadyLoading:
                    await Task.Delay(TimeSpan.FromMilliseconds(20), time);
                    continue;
            }

            var load = LoadAdmittedAsync(model, decision.Evicted);
            _loads[model.Name] = load;
            try
            {
                await load;
            }
            finally
            {
                _loads.Remove(model.Name);
            }
        }
    }

    private async Task LoadAdmittedAsync(ModelDefinition model, IReadOnlyList<string> evicted)
    {
        foreach (var name in evicted)
            _sessions.Unload(name);
        LoadedModel loaded;
        try
        {
            loaded = await Task.Run(() => _sessions.Load(model));
        }
        catch (Exception e) when (e is ModelLoadException or DeviceFailureException or OnnxRuntimeException)
        {
            Carry(_books.FailLoad(model.Name));
            throw e as ModelLoadException ?? new ModelLoadException(e.Message, e);
        }

        LoadCompletion completion;
        try
        {
            completion = _books.CompleteLoad(model.Name, loaded.FootprintBytes);
        }
        catch (ArgumentException e)
        {
            _sessions.Unload(model.Name);
            Carry(_books.FailLoad(model.Name));
            throw new ModelLoadException($"Model {model.Name} loaded but its measured footprint was refused by the books: {e.Message}", e);
        }

        foreach (var name in completion.Evicted)
            _sessions.Unload(name);
        if (!completion.Kept)
        {
            _sessions.Unload(model.Name);
            throw new ModelLoadException(completion.Reason ?? $"Model {model.Name} measured larger than device {_device.Id} can hold.");
        }

        logger.LogInformation("Loaded {Model} on {Device}: {Bytes} bytes ({Source}) in {Milliseconds:F0} ms; one run per batch: {Batched}",
            model.Name, Key, loaded.FootprintBytes, loaded.FootprintSource, loaded.LoadTime.TotalMilliseconds, loaded.Model.BatchesInOneRun);
        Carry(completion.Admitted);
        Report();
    }

    /// <summary>Loads the books admitted later (a waiting load that now fits) run in the background of the grain.</summary>
    private void Carry(IReadOnlyList<LoadDecision> admitted)
    {
        foreach (var decision in admitted)
        {
            if (decision.Outcome == LoadOutcome.Admitted && catalogue.TryGet(decision.Model, out var model) && !_loads.ContainsKey(model.Name))
            {
                var load = LoadAdmittedAsync(model, decision.Evicted);
                _loads[model.Name] = load;
                load.ContinueWith(done =>
                {
                    _loads.Remove(model.Name);
                    if (done.Exception is { } failed)
                        logger.LogError(failed.InnerException, "Loading {Model} on {Device} after memory freed failed", model.Name, Key);
                }, TaskScheduler.Current);
            }
        }
    }

    private void UnloadIdle()
    {
        _idle.Clear();
        _books.CollectIdle(_idle);
        foreach (var name in _idle)
        {
            Carry(_books.Unload(name));
            _sessions.Unload(name);
            logger.LogInformation("Unloaded idle model {Model} from {Device}", name, Key);
        }

        if (_idle.Count > 0)
            Report();
    }

    private void ForgetOld()
    {
        var cutoff = time.GetUtcNow() - Retention;
        List<string>? old = null;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && finished < cutoff)
                (old ??= []).Add(id);
        }

        foreach (var id in old ?? [])
            _jobs.Remove(id);
    }

    /// <summary>The device is out of service: every job it still holds goes to another gpu device, or fails saying why.</summary>
    private async Task FailDeviceAsync(DeviceFailureException failure, List<VisionJob> running)
    {
        logger.LogError(failure, "Vision device {Device} failed; moving its jobs", Key);
        devices.MarkFailed(_device.Id, failure.Message);
        var stranded = new List<VisionJob>(running);
        while (_queue.Dequeue(_expired) is { } queued)
            stranded.Add(queued.Payload);
        _due.Clear();
        _batches.TakeDue(_due);
        foreach (var batch in _due)
            _ready.Enqueue(batch);
        while (_ready.TryDequeue(out var batch))
        {
            foreach (var job in batch)
                stranded.Add(job.Payload);
        }

        ExpireTaken();
        var vision = GrainFactory.GetGrain<IVisionGrain>(0);
        foreach (var job in stranded)
        {
            try
            {
                var moved = await vision.ResubmitAsync(job.Request, Key);
                Finish(job, j => j.Move(time.GetUtcNow(), moved.JobId, $"Device {_device.Id} failed; the job continues as {moved.JobId}."), "moved");
            }
            catch (Exception e) when (e is NoCompatibleSiloException or DeviceUnavailableException)
            {
                Finish(job, j => j.Fail(time.GetUtcNow(), $"{failure.Message} No other gpu device could take the job: {e.Message}"), "failed");
            }
        }
    }

    private void Finish(VisionJob job, Action<VisionJob> finish, string outcome)
    {
        if (job.IsFinished)
            return;
        finish(job);
        VisionTelemetry.Jobs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        VisionTelemetry.Latency.Record((job.FinishedAt!.Value - job.View().SubmittedAt).TotalMilliseconds);
    }

    private void Report() => VisionTelemetry.Report(Key, _books.CommittedBytes, _books.FreeBytes, _queue.Count + _batches.PendingCount);
}
