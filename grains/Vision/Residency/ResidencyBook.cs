namespace Cluster.Grains.Vision.Residency;

/// <summary>
/// One device's memory books. Every decision keeps committed bytes (resident plus loading) at or below budget minus
/// reserve: a load that fits is admitted; one that does not evicts idle unpinned models in the order of the eviction
/// policy; if even that is not enough it waits for memory to free, or is refused when it could never fit. A model
/// loads once however many ask for it. Not thread-safe: its owner (one grain) calls it one turn at a time.
/// </summary>
public sealed class ResidencyBook
{
    private static readonly LoadDecision[] NoAdmissions = [];

    private readonly Dictionary<string, ModelResidency> _models = new(StringComparer.Ordinal);
    private readonly List<ModelResidency> _waiting = [];
    private readonly List<ModelResidency> _candidates = [];
    private readonly List<ModelResidency> _victims = [];
    private readonly IEvictionPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ResidencyOptions _options;
    private double[] _scores = new double[8];

    public ResidencyBook(ResidencyOptions options, IEvictionPolicy policy, TimeProvider time)
    {
        options.Validate("residency");
        _options = options;
        _policy = policy;
        _time = time;
    }

    /// <summary>Budget minus reserve: the most the books ever commit.</summary>
    public long CapacityBytes => _options.CapacityBytes;

    /// <summary>Bytes of resident and loading models.</summary>
    public long CommittedBytes { get; private set; }

    public long FreeBytes => CapacityBytes - CommittedBytes;

    public IReadOnlyCollection<ModelResidency> Models => _models.Values;

    /// <summary>Loads waiting for memory, in the order they will be admitted.</summary>
    public int WaitingCount => _waiting.Count;

    public ModelResidency? Find(string name) => _models.GetValueOrDefault(name);

    /// <summary>
    /// Adds a catalogue entry, or updates one: priority and pin at once; the footprint only while the model is off the
    /// device (a resident model keeps its measured figure).
    /// </summary>
    public ModelResidency Register(ModelSpec spec)
    {
        spec.Validate();
        if (!_models.TryGetValue(spec.Name, out var model))
        {
            model = new ModelResidency(spec, _time.GetUtcNow());
            _models.Add(spec.Name, model);
            return model;
        }

        model.Priority = spec.Priority;
        model.Pinned = spec.Pinned;
        if (model.State is ResidencyState.Absent or ResidencyState.Waiting)
            model.Bytes = spec.Bytes;
        return model;
    }

    /// <summary>Asks for the model on the device. See <see cref="LoadOutcome"/> for what the caller does next.</summary>
    public LoadDecision RequestLoad(string name)
    {
        var model = Get(name);
        switch (model.State)
        {
            case ResidencyState.Resident:
                return model.AlreadyResident;
            case ResidencyState.Loading:
                return model.AlreadyLoading;
            case ResidencyState.Waiting:
                return model.Waiting;
        }

        if (RefusalReason(model) is { } reason)
            return new LoadDecision(name, LoadOutcome.Refused, reason: reason);
        if (TryAdmit(model) is { } admitted)
            return admitted;
        model.State = ResidencyState.Waiting;
        _waiting.Add(model);
        return model.Waiting;
    }

    /// <summary>
    /// A load finished; <paramref name="measuredBytes"/> replaces the estimate. A footprint above the estimate may evict
    /// more; one that cannot fit even so is dropped from the books (see <see cref="LoadCompletion.Kept"/>).
    /// </summary>
    public LoadCompletion CompleteLoad(string name, long measuredBytes)
    {
        var model = Get(name);
        if (model.State != ResidencyState.Loading)
            throw new ResidencyConflictException(name, $"is {model.State}, not loading; only an admitted load can complete.");
        if (measuredBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(measuredBytes), measuredBytes, "A measured footprint must be positive.");

        var now = _time.GetUtcNow();
        model.LastUsed = now;
        CommittedBytes -= model.Bytes;
        model.Bytes = measuredBytes;
        var evicted = Array.Empty<string>();
        if (measuredBytes > FreeBytes)
        {
            if (SelectVictims(measuredBytes, now) is not { } victims)
            {
                model.State = ResidencyState.Absent;
                var reason = $"measured {measuredBytes} bytes, more than the {FreeBytes} bytes free beside pinned and in-use models.";
                return new LoadCompletion(false, evicted, AdmitWaiting(), reason);
            }

            evicted = Evict(victims);
        }

        model.State = ResidencyState.Resident;
        CommittedBytes += measuredBytes;
        return new LoadCompletion(true, evicted, AdmitWaiting(), null);
    }

    /// <summary>A load failed: its bytes return to the books; returns waiting loads admitted into them.</summary>
    public IReadOnlyList<LoadDecision> FailLoad(string name)
    {
        var model = Get(name);
        if (model.State != ResidencyState.Loading)
            throw new ResidencyConflictException(name, $"is {model.State}, not loading; only an admitted load can fail.");
        Drop(model);
        return AdmitWaiting();
    }

    /// <summary>Marks one job running on a resident model: it cannot be evicted until <see cref="Release"/>.</summary>
    public void Acquire(string name)
    {
        var model = Get(name);
        if (model.State != ResidencyState.Resident)
            throw new ResidencyConflictException(name, $"is {model.State}; request a load and wait for it before running jobs.");
        model.InUse++;
        model.LastUsed = _time.GetUtcNow();
    }

    /// <summary>Ends one job on the model; returns waiting loads admitted now that it may be evicted.</summary>
    public IReadOnlyList<LoadDecision> Release(string name)
    {
        var model = Get(name);
        if (model.InUse == 0)
            throw new ResidencyConflictException(name, "has no job running to release.");
        model.InUse--;
        model.LastUsed = _time.GetUtcNow();
        return model.InUse == 0 && !model.Pinned && _waiting.Count > 0 ? AdmitWaiting() : NoAdmissions;
    }

    /// <summary>
    /// Takes the model off the device (or out of the waiting line); returns waiting loads admitted into the freed
    /// memory. Refused while jobs run on it, while it loads, or while it is pinned.
    /// </summary>
    public IReadOnlyList<LoadDecision> Unload(string name)
    {
        var model = Get(name);
        switch (model.State)
        {
            case ResidencyState.Absent:
                return NoAdmissions;
            case ResidencyState.Waiting:
                _waiting.Remove(model);
                model.State = ResidencyState.Absent;
                return NoAdmissions;
            case ResidencyState.Loading:
                throw new ResidencyConflictException(name, "is loading; unload it once the load has finished.");
        }

        if (model.Pinned)
            throw new ResidencyConflictException(name, "is pinned; unpin it before unloading.");
        if (model.InUse > 0)
            throw new ResidencyConflictException(name, $"has {model.InUse} job(s) running; unload it when they finish.");
        Drop(model);
        return AdmitWaiting();
    }

    /// <summary>Pins the model: never evicted nor reported idle. A pinned model that is absent is not loaded by pinning.</summary>
    public void Pin(string name) => Get(name).Pinned = true;

    /// <summary>Unpins the model; returns waiting loads admitted now that it may be evicted.</summary>
    public IReadOnlyList<LoadDecision> Unpin(string name)
    {
        var model = Get(name);
        model.Pinned = false;
        return model.Evictable && _waiting.Count > 0 ? AdmitWaiting() : NoAdmissions;
    }

    /// <summary>Adds to <paramref name="into"/> the resident models idle past the timeout, neither pinned nor in use.</summary>
    public void CollectIdle(List<string> into)
    {
        var cutoff = _time.GetUtcNow() - _options.IdleTimeout;
        foreach (var model in _models.Values)
        {
            if (model.Evictable && model.LastUsed <= cutoff)
                into.Add(model.Name);
        }
    }

    private ModelResidency Get(string name) =>
        _models.TryGetValue(name, out var model) ? model : throw new UnknownModelException(name);

    private string? RefusalReason(ModelResidency model)
    {
        if (model.Bytes > CapacityBytes)
            return $"needs {model.Bytes} bytes, more than the device's {CapacityBytes} bytes (budget minus reserve).";
        long pinned = 0;
        foreach (var other in _models.Values)
        {
            if (other.Pinned && other != model)
                pinned += other.CommittedBytes;
        }

        return model.Bytes > CapacityBytes - pinned
            ? $"needs {model.Bytes} bytes, but pinned models hold {pinned} of the device's {CapacityBytes} bytes; unpin one first."
            : null;
    }

    /// <summary>Commits the model if it fits, evicting if it must; null when it cannot fit now.</summary>
    private LoadDecision? TryAdmit(ModelResidency model)
    {
        string[]? evicted = null;
        if (model.Bytes > FreeBytes)
        {
            if (SelectVictims(model.Bytes, _time.GetUtcNow()) is not { } victims)
                return null;
            evicted = Evict(victims);
        }

        model.State = ResidencyState.Loading;
        CommittedBytes += model.Bytes;
        return new LoadDecision(model.Name, LoadOutcome.Admitted, evicted);
    }

    /// <summary>
    /// The evictable models, highest score first, whose bytes make <paramref name="needed"/> fit; null (and nothing
    /// chosen) when all of them together would not be enough.
    /// </summary>
    private List<ModelResidency>? SelectVictims(long needed, DateTimeOffset now)
    {
        _candidates.Clear();
        _victims.Clear();
        var available = FreeBytes;
        foreach (var model in _models.Values)
        {
            if (model.Evictable)
            {
                _candidates.Add(model);
                available += model.Bytes;
            }
        }

        if (available < needed)
            return null;
        if (_scores.Length < _candidates.Count)
            _scores = new double[_candidates.Count * 2];
        for (var i = 0; i < _candidates.Count; i++)
            _scores[i] = _policy.Score(_candidates[i], now);

        var free = FreeBytes;
        var remaining = _candidates.Count;
        while (free < needed)
        {
            var best = 0;
            for (var i = 1; i < remaining; i++)
            {
                if (_scores[i] > _scores[best])
                    best = i;
            }

            var victim = _candidates[best];
            _victims.Add(victim);
            free += victim.Bytes;
            remaining--;
            _candidates[best] = _candidates[remaining];
            _scores[best] = _scores[remaining];
        }

        return _victims;
    }

    private string[] Evict(List<ModelResidency> victims)
    {
        var names = new string[victims.Count];
        for (var i = 0; i < victims.Count; i++)
        {
            names[i] = victims[i].Name;
            Drop(victims[i]);
        }

        return names;
    }

    private void Drop(ModelResidency model)
    {
        CommittedBytes -= model.CommittedBytes;
        model.State = ResidencyState.Absent;
    }

    /// <summary>
    /// Admits waiting loads in arrival order while the head fits; a head that pins have made impossible is refused and
    /// reported so its callers hear why. Arrival order keeps a large load from being passed by small ones forever.
    /// </summary>
    private IReadOnlyList<LoadDecision> AdmitWaiting()
    {
        List<LoadDecision>? admitted = null;
        while (_waiting.Count > 0)
        {
            var head = _waiting[0];
            LoadDecision? decision;
            if (RefusalReason(head) is { } reason)
            {
                head.State = ResidencyState.Absent;
                decision = new LoadDecision(head.Name, LoadOutcome.Refused, reason: reason);
            }
            else
            {
                head.State = ResidencyState.Absent;
                decision = TryAdmit(head);
                if (decision is null)
                {
                    head.State = ResidencyState.Waiting;
                    break;
                }
            }

            _waiting.RemoveAt(0);
            (admitted ??= []).Add(decision);
        }

        return admitted is null ? NoAdmissions : admitted;
    }
}
