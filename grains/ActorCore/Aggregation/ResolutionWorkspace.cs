using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>
/// Scratch state for one resolution: dimensions interned to dense indices, contributions and caps grouped by
/// integer keys. One instance per thread is reused, so resolving allocates nothing beyond the snapshot itself.
/// Dimension and system names stay interned across resolutions, with their ordinal ranks and each dimension's merge
/// rule, so a steady workload neither sorts a string nor looks up a rule by name.
/// </summary>
internal sealed class ResolutionWorkspace
{
    private const int Primary = 0;
    private const int Derived = 1;
    private const int CollectionCount = 2;
    private const int BucketCount = (int)Bucket.Override + 1;
    private const int ContributionKeysPerDimension = CollectionCount * BucketCount;
    private const int KindCount = (int)CapKind.Min + 1;

    // Bounds what a thread keeps interned when names keep changing; past it the tables start afresh.
    private const int MaxInternedNames = 1024;

    [ThreadStatic]
    private static ResolutionWorkspace? t_current;

    private readonly NameTable _dimensionNames = new();
    private readonly NameTable _systemNames = new();
    private readonly GroupedValues _contributions;
    private readonly GroupedValues _caps;
    private readonly ValueColumn _primary = new();
    private readonly ValueColumn _derived = new();

    // Per interned dimension: its index in the current resolution (-1 when untouched) and its merge rule in
    // _rulesOf. Per dimension of the current resolution: its interned id, and the resolution's dimensions in
    // name order.
    private int[] _indexOf = CreateUntouched(64);
    private MergeRule?[] _rules = new MergeRule?[64];
    private CombinerRegistry? _rulesOf;
    private int[] _dimensionIds = new int[64];
    private int[] _byName = new int[64];
    private int[] _nameRanks = new int[64];
    private int _dimensionCount;
    private string? _lastSystem;
    private int _lastSystemId;

    private ResolutionWorkspace()
    {
        var order = new RankOrder(_systemNames);
        _contributions = new GroupedValues(order);
        _caps = new GroupedValues(order);
    }

    public static ResolutionWorkspace ForCurrentThread => t_current ??= new ResolutionWorkspace();

    /// <summary>
    /// Validates the outputs while collecting them (a dimension name already interned is known to be valid) and
    /// resolves them; reports the same first error as <see cref="SubsystemOutputValidator.Validate(IReadOnlyList{SubsystemOutput}, CapLayerRegistry)"/>.
    /// </summary>
    public Snapshot Resolve(IReadOnlyList<SubsystemOutput> outputs, CombinerRegistry combiner, CapLayerRegistry layers, long version)
    {
        try
        {
            ForgetNamesBeyondBound();
            var layerCount = layers.Order.Count;
            Collect(outputs, layers, layerCount);
            _systemNames.Rank();
            _contributions.Group(_dimensionCount * ContributionKeysPerDimension);
            _caps.Group(_dimensionCount * layerCount * KindCount);
            OrderDimensionsByName();
            return BuildSnapshot(combiner, layers, layerCount, version);
        }
        finally
        {
            Reset();
        }
    }

    private void Collect(IReadOnlyList<SubsystemOutput> outputs, CapLayerRegistry layers, int layerCount)
    {
        var outputCount = outputs.Count;
        for (var o = 0; o < outputCount; o++)
        {
            var output = SubsystemOutputValidator.RequireOutput(outputs[o], o);
            CollectContributions(output.Primary, Primary, "primary", o);
            CollectContributions(output.Derived, Derived, "derived", o);
            var caps = SubsystemOutputValidator.RequireList(output.Caps, "caps", o);
            var capCount = caps.Count;
            for (var i = 0; i < capCount; i++)
            {
                var cap = caps[i];
                var id = cap is null ? -1 : _dimensionNames.Find(cap.Dimension);
                var sameSystem = cap is not null && IsLastSystem(cap.System);
                var layer = SubsystemOutputValidator.ValidateCap(cap, layers, dimensionKnown: id >= 0, systemKnown: sameSystem, i, o);
                var key = (((IndexOf(id, cap.Dimension) * layerCount) + layer) * KindCount) + (int)cap.Kind;
                _caps.Add(key, new RankedValue(cap.Value, cap.Priority, SystemId(cap.System, sameSystem), (int)cap.Mode));
            }

            SubsystemOutputValidator.ValidateContextAndMeta(output, o);
        }
    }

    private void CollectContributions(IReadOnlyList<Contribution>? contributions, int collection, string section, int o)
    {
        var valid = SubsystemOutputValidator.RequireList(contributions, section, o);
        var count = valid.Count;
        for (var i = 0; i < count; i++)
        {
            var c = valid[i];
            var id = c is null ? -1 : _dimensionNames.Find(c.Dimension);
            var sameSystem = c is not null && IsLastSystem(c.System);
            SubsystemOutputValidator.ValidateContribution(c, dimensionKnown: id >= 0, systemKnown: sameSystem, section, i, o);
            var key = (((IndexOf(id, c.Dimension) * CollectionCount) + collection) * BucketCount) + (int)c.Bucket;
            _contributions.Add(key, new RankedValue(c.Value, c.Priority, SystemId(c.System, sameSystem), (int)c.Bucket));
        }
    }

    // An output's contributions nearly always name one system: comparing with the previous name skips both the
    // name check (it was validated before it was interned) and the hash.
    private bool IsLastSystem(string? system) => string.Equals(system, _lastSystem, StringComparison.Ordinal);

    private int SystemId(string system, bool isLast)
    {
        if (!isLast)
        {
            _lastSystemId = _systemNames.Intern(system);
            _lastSystem = system;
        }

        return _lastSystemId;
    }

    /// <summary>
    /// The dimension's index in this resolution, in order of first appearance; <paramref name="id"/> is its interned
    /// id, or -1 when the name is new (and has just been validated).
    /// </summary>
    private int IndexOf(int id, string dimension)
    {
        if (id < 0)
        {
            id = _dimensionNames.Intern(dimension);
        }

        if (id >= _indexOf.Length)
        {
            var grown = CreateUntouched(_indexOf.Length * 2);
            _indexOf.CopyTo(grown, 0);
            _indexOf = grown;
            Array.Resize(ref _rules, grown.Length);
        }

        var index = _indexOf[id];
        if (index >= 0)
        {
            return index;
        }

        if (_dimensionCount == _dimensionIds.Length)
        {
            var capacity = _dimensionCount * 2;
            Array.Resize(ref _dimensionIds, capacity);
            _byName = new int[capacity];
            _nameRanks = new int[capacity];
        }

        index = _dimensionCount++;
        _indexOf[id] = index;
        _dimensionIds[index] = id;
        return index;
    }

    // Sorts the resolution's dimensions by their interned ranks: integers, where sorting the names would compare strings.
    private void OrderDimensionsByName()
    {
        _dimensionNames.Rank();
        for (var d = 0; d < _dimensionCount; d++)
        {
            _nameRanks[d] = _dimensionNames.RankOf(_dimensionIds[d]);
            _byName[d] = d;
        }

        Array.Sort(_nameRanks, _byName, 0, _dimensionCount);
    }

    private MergeRule RuleFor(CombinerRegistry combiner, int id)
    {
        if (!ReferenceEquals(_rulesOf, combiner))
        {
            Array.Clear(_rules);
            _rulesOf = combiner;
        }

        return _rules[id] ??= combiner.RuleFor(_dimensionNames[id]);
    }

    private Snapshot BuildSnapshot(CombinerRegistry combiner, CapLayerRegistry layers, int layerCount, long version)
    {
        var names = new string[_dimensionCount];
        var ranges = new CapRange[_dimensionCount];
        for (var n = 0; n < names.Length; n++)
        {
            var d = _byName[n];
            var id = _dimensionIds[d];
            var name = _dimensionNames[id];
            var rule = RuleFor(combiner, id);
            var range = ResolveRange(d, rule.ClampDefault, layers.AcrossPolicy, layerCount);
            names[n] = name;
            ranges[n] = range;
            AddValue(_primary, n, name, d, Primary, rule, range);
            AddValue(_derived, n, name, d, Derived, rule, range);
        }

        return new Snapshot
        {
            Primary = _primary.ToMap(names),
            Derived = _derived.ToMap(names),
            CapsUsed = new DimensionMap<CapRange>(names, ranges),
            Version = version,
        };
    }

    private void AddValue(ValueColumn values, int position, string name, int dimension, int collection, MergeRule rule, CapRange range)
    {
        var firstKey = ((dimension * CollectionCount) + collection) * BucketCount;
        var all = _contributions.Range(firstKey, firstKey + BucketCount);
        if (all.IsEmpty)
        {
            return;
        }

        var value = rule.UsePipeline ? Pipeline(firstKey) : Reduce(all, rule.Operator.GetValueOrDefault());
        if (double.IsNaN(value))
        {
            throw new StatOverflowException(name);
        }

        values.Add(position, Math.Clamp(value, range.Min, range.Max));
    }

    // ΣFLAT × Π(1 + MULT) + ΣPOST_ADD, unless an OVERRIDE exists: then the first in rank order
    // (highest priority, then smallest system id) is the value.
    private double Pipeline(int firstKey)
    {
        var overrides = _contributions[firstKey + (int)Bucket.Override];
        if (!overrides.IsEmpty)
        {
            return overrides[0].Value;
        }

        var flat = 0.0;
        foreach (var c in _contributions[firstKey + (int)Bucket.Flat])
        {
            flat += c.Value;
        }

        var factor = 1.0;
        foreach (var c in _contributions[firstKey + (int)Bucket.Mult])
        {
            factor *= 1 + c.Value;
        }

        var postAdd = 0.0;
        foreach (var c in _contributions[firstKey + (int)Bucket.PostAdd])
        {
            postAdd += c.Value;
        }

        return (flat * factor) + postAdd;
    }

    private static double Reduce(ReadOnlySpan<RankedValue> values, CombineOperator op)
    {
        var result = values[0].Value;
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i].Value;
            result = op switch
            {
                CombineOperator.Sum => result + v,
                CombineOperator.Max => Math.Max(result, v),
                _ => Math.Min(result, v),
            };
        }

        return result;
    }

    // Layers in registry order. INTERSECT narrows by every layer. PRIORITIZED_OVERRIDE: the first layer whose bound
    // came from an OVERRIDE sets that bound to its own value (superseding earlier layers) and later layers leave it
    // alone; bounds not set by an OVERRIDE intersect. The clamp default always applies last.
    private CapRange ResolveRange(int dimension, ClampRange clamp, AcrossLayerPolicy policy, int layerCount)
    {
        var max = new AcrossLayers(CapKind.Max, policy);
        var min = new AcrossLayers(CapKind.Min, policy);
        var firstKey = dimension * layerCount * KindCount;
        var capped = !_caps.Range(firstKey, firstKey + (layerCount * KindCount)).IsEmpty;
        for (var layer = 0; capped && layer < layerCount; layer++)
        {
            var layerKey = firstKey + (layer * KindCount);
            var maxCaps = _caps[layerKey + (int)CapKind.Max];
            if (!maxCaps.IsEmpty)
            {
                max.Apply(WithinLayer(maxCaps, CapKind.Max, out var fromOverride), fromOverride);
            }

            var minCaps = _caps[layerKey + (int)CapKind.Min];
            if (!minCaps.IsEmpty)
            {
                min.Apply(WithinLayer(minCaps, CapKind.Min, out var fromOverride), fromOverride);
            }
        }

        var upper = Math.Min(max.Bound, clamp.Max);
        var lower = Math.Max(min.Bound, clamp.Min);
        return lower > upper ? new CapRange(upper, upper) : new CapRange(lower, upper);
    }

    // One layer's bound of one kind. BASELINE and ADDITIVE add up, HARD_MAX keeps the smallest, HARD_MIN the largest,
    // OVERRIDE the first in rank order. Candidate: the OVERRIDE, else the sum, else unbounded. A HARD_MAX caps the
    // bound from above and a HARD_MIN from below; on a max cap the HARD_MAX is applied last (max = min(candidate,
    // HARD_MAX)), on a min cap the HARD_MIN (min = max(candidate, HARD_MIN)).
    private static double WithinLayer(ReadOnlySpan<RankedValue> caps, CapKind kind, out bool fromOverride)
    {
        var sum = 0.0;
        var hasSum = false;
        var hardMax = double.PositiveInfinity;
        var hardMin = double.NegativeInfinity;
        var overrideValue = 0.0;
        fromOverride = false;
        foreach (var cap in caps)
        {
            switch ((CapMode)cap.Tag)
            {
                case CapMode.Baseline or CapMode.Additive:
                    sum += cap.Value;
                    hasSum = true;
                    break;
                case CapMode.HardMax:
                    hardMax = Math.Min(hardMax, cap.Value);
                    break;
                case CapMode.HardMin:
                    hardMin = Math.Max(hardMin, cap.Value);
                    break;
                case CapMode.Override when !fromOverride:
                    overrideValue = cap.Value;
                    fromOverride = true;
                    break;
            }
        }

        if (kind == CapKind.Max)
        {
            var candidate = fromOverride ? overrideValue : hasSum ? sum : double.PositiveInfinity;
            return Math.Min(Math.Max(candidate, hardMin), hardMax);
        }
        else
        {
            var candidate = fromOverride ? overrideValue : hasSum ? sum : double.NegativeInfinity;
            return Math.Max(Math.Min(candidate, hardMax), hardMin);
        }
    }

    private void Reset()
    {
        _contributions.Clear();
        _caps.Clear();
        _primary.Clear();
        _derived.Clear();
        for (var d = 0; d < _dimensionCount; d++)
        {
            _indexOf[_dimensionIds[d]] = -1;
        }

        _dimensionCount = 0;
    }

    private void ForgetNamesBeyondBound()
    {
        if (_dimensionNames.Count > MaxInternedNames)
        {
            _dimensionNames.Clear();
            Array.Clear(_rules);
        }

        if (_systemNames.Count > MaxInternedNames)
        {
            _systemNames.Clear();
            _lastSystem = null;
        }
    }

    private static int[] CreateUntouched(int length)
    {
        var indices = new int[length];
        Array.Fill(indices, -1);
        return indices;
    }

    /// <summary>One bound (max or min) folded across layers.</summary>
    private struct AcrossLayers(CapKind kind, AcrossLayerPolicy policy)
    {
        private bool _fixed;

        public double Bound { get; private set; } = kind == CapKind.Max ? double.PositiveInfinity : double.NegativeInfinity;

        public void Apply(double layerBound, bool fromOverride)
        {
            if (_fixed)
            {
                return;
            }

            if (fromOverride && policy == AcrossLayerPolicy.PrioritizedOverride)
            {
                Bound = layerBound;
                _fixed = true;
            }
            else
            {
                Bound = kind == CapKind.Max ? Math.Min(Bound, layerBound) : Math.Max(Bound, layerBound);
            }
        }
    }
}
