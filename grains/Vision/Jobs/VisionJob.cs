using Cluster.GrainInterfaces.Vision;

namespace Cluster.Grains.Vision.Jobs;

/// <summary>
/// A job as its device manager keeps it: queued, running, then finished once (succeeded, failed, cancelled, expired or
/// moved to another device). The image is dropped once the job has run. Waiters await <see cref="Finished"/>.
/// </summary>
public sealed class VisionJob(string id, VisionJobRequest request, string device, DateTimeOffset submittedAt)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private VisionJobView? _view;

    public string Id { get; } = id;

    public VisionJobRequest Request { get; private set; } = request;

    public VisionJobState State { get; private set; } = VisionJobState.Queued;

    public DateTimeOffset? FinishedAt { get; private set; }

    public Task Finished => _finished.Task;

    public bool IsFinished => _finished.Task.IsCompleted;

    public void Start() => State = VisionJobState.Running;

    public void Succeed(DateTimeOffset now, int batchSize, ClassScore[]? classes, float[]? embedding) =>
        Finish(now, VisionJobState.Succeeded, batchSize, classes, embedding, null, null);

    public void Fail(DateTimeOffset now, string error, int? batchSize = null) =>
        Finish(now, VisionJobState.Failed, batchSize, null, null, error, null);

    public void Cancel(DateTimeOffset now) => Finish(now, VisionJobState.Cancelled, null, null, null, "Cancelled before it ran.", null);

    public void Expire(DateTimeOffset now) =>
        Finish(now, VisionJobState.Expired, null, null, null, "Its deadline passed before it could run; it did not run.", null);

    /// <summary>The job continues as <paramref name="movedTo"/> on another device after this one failed.</summary>
    public void Move(DateTimeOffset now, string movedTo, string reason) =>
        Finish(now, VisionJobState.Failed, null, null, null, reason, movedTo);

    public VisionJobView View() => _view ?? new VisionJobView(Id, Request.Model, Request.Task, Request.Priority, State, device,
        submittedAt, null, null, null, null, null, null);

    private void Finish(DateTimeOffset now, VisionJobState state, int? batchSize, ClassScore[]? classes, float[]? embedding, string? error, string? movedTo)
    {
        if (IsFinished)
            return;
        State = state;
        FinishedAt = now;
        _view = new VisionJobView(Id, Request.Model, Request.Task, Request.Priority, state, device, submittedAt, now, batchSize,
            classes, embedding, error, movedTo);
        Request = Request with { Image = [] };
        _finished.SetResult();
    }
}
