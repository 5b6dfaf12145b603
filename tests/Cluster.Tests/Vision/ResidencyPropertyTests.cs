using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Residency;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cluster.Tests.Vision;

/// <summary>
/// Random mixes of loads, completions (measured above and below the estimate), failures, jobs, unloads, pins and idle
/// sweeps against a catalogue of fake sizes, checking the books' promises after every step.
/// </summary>
public sealed class ResidencyPropertyTests
{
    private const long Unit = 64L * 1024 * 1024;
    private const int Models = 7;

    public enum Step
    {
        Request,
        Complete,
        Fail,
        Acquire,
        Release,
        Unload,
        Pin,
        Unpin,
        Idle,
    }

    public sealed record Operation(Step Step, int Model, int Amount);

    public sealed record Scenario(int[] Sizes, VisionPriority[] Priorities, bool[] Pinned, bool Weighted, Operation[] Operations)
    {
        public override string ToString() =>
            $"sizes [{string.Join(",", Sizes)}], pinned [{string.Join(",", Pinned)}], weighted {Weighted}, ops [{string.Join(" ", Operations.Select(o => $"{o.Step}:{o.Model}:{o.Amount}"))}]";
    }

    private static Gen<Operation> OperationGen =>
        from step in Gen.Frequency(
            (6, Gen.Constant(Step.Request)),
            (5, Gen.Constant(Step.Complete)),
            (1, Gen.Constant(Step.Fail)),
            (4, Gen.Constant(Step.Acquire)),
            (4, Gen.Constant(Step.Release)),
            (2, Gen.Constant(Step.Unload)),
            (1, Gen.Constant(Step.Pin)),
            (1, Gen.Constant(Step.Unpin)),
            (2, Gen.Constant(Step.Idle)))
        from model in Gen.Choose(0, Models - 1)
        from amount in Gen.Choose(50, 160)
        select new Operation(step, model, amount);

    private static Arbitrary<Scenario> Scenarios =>
        (from sizes in Gen.ArrayOf(Gen.Choose(1, 40), Models)
         from priorities in Gen.ArrayOf(Gen.Elements(Enum.GetValues<VisionPriority>()), Models)
         from pinned in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false))), Models)
         from weighted in Gen.Elements(true, false)
         from operations in Gen.ArrayOf(OperationGen).Resize(80)
         select new Scenario(sizes, priorities, pinned, weighted, operations)).ToArbitrary();

    [Fact]
    public void Committed_bytes_never_exceed_capacity_pinned_and_in_use_models_are_never_evicted_and_each_load_starts_once()
    {
        Prop.ForAll(Scenarios, scenario => new Run(scenario).Play()).QuickCheckThrowOnFailure();
    }

    /// <summary>Plays one scenario as an owner would: it starts admitted loads and finishes them later.</summary>
    private sealed class Run
    {
        private readonly FakeTimeProvider _clock = new();
        private readonly ResidencyBook _book;
        private readonly HashSet<string> _loading = [];
        private readonly Scenario _scenario;

        public Run(Scenario scenario)
        {
            _scenario = scenario;
            var options = new ResidencyOptions { BudgetBytes = 110 * Unit, ReserveBytes = 10 * Unit, IdleTimeout = TimeSpan.FromSeconds(30) };
            _book = new ResidencyBook(options, scenario.Weighted ? PriorityWeightedLru.Instance : PlainLru.Instance, _clock);
            for (var i = 0; i < Models; i++)
                _book.Register(new ModelSpec(Name(i), scenario.Sizes[i] * Unit, scenario.Priorities[i], scenario.Pinned[i]));
        }

        public void Play()
        {
            foreach (var operation in _scenario.Operations)
            {
                _clock.Advance(TimeSpan.FromSeconds(operation.Amount / 20));
                var protectedModels = Protected();
                Apply(operation);
                Check(protectedModels, operation);
            }
        }

        private static string Name(int model) => $"m{model}";

        private void Apply(Operation operation)
        {
            var name = Name(operation.Model);
            var model = _book.Find(name)!;
            switch (operation.Step)
            {
                case Step.Request:
                    Started(_book.RequestLoad(name));
                    break;
                case Step.Complete when _loading.Remove(name):
                    var completion = _book.CompleteLoad(name, model.Bytes * operation.Amount / 100);
                    Started(completion.Admitted);
                    break;
                case Step.Fail when _loading.Remove(name):
                    Started(_book.FailLoad(name));
                    break;
                case Step.Acquire when model.State == ResidencyState.Resident:
                    _book.Acquire(name);
                    break;
                case Step.Release when model.InUse > 0:
                    Started(_book.Release(name));
                    break;
                case Step.Unload when model.State == ResidencyState.Loading || (model.State == ResidencyState.Resident && (model.Pinned || model.InUse > 0)):
                    Assert.Throws<ResidencyConflictException>(() => _book.Unload(name));
                    break;
                case Step.Unload:
                    Started(_book.Unload(name));
                    break;
                case Step.Pin:
                    _book.Pin(name);
                    break;
                case Step.Unpin:
                    Started(_book.Unpin(name));
                    break;
                case Step.Idle:
                    var idle = new List<string>();
                    _book.CollectIdle(idle);
                    foreach (var idleName in idle)
                        Started(_book.Unload(idleName));
                    break;
            }
        }

        private void Started(IReadOnlyList<LoadDecision> decisions)
        {
            foreach (var decision in decisions)
                Started(decision);
        }

        private void Started(LoadDecision decision)
        {
            if (decision.Outcome != LoadOutcome.Admitted)
                return;
            Assert.True(_loading.Add(decision.Model), $"{decision.Model} was admitted a second time while its load ran");
        }

        /// <summary>Resident models that may not leave the device on this step: pinned or running jobs.</summary>
        private List<string> Protected()
        {
            var names = new List<string>();
            foreach (var model in _book.Models)
            {
                if (model.State == ResidencyState.Resident && (model.Pinned || model.InUse > 0))
                    names.Add(model.Name);
            }

            return names;
        }

        private void Check(List<string> protectedModels, Operation operation)
        {
            long committed = 0;
            foreach (var model in _book.Models)
            {
                committed += model.CommittedBytes;
                Assert.Equal(model.State == ResidencyState.Loading, _loading.Contains(model.Name));
                Assert.True(model.InUse == 0 || model.State == ResidencyState.Resident, $"{model.Name} has jobs but is {model.State}");
            }

            Assert.Equal(committed, _book.CommittedBytes);
            Assert.True(committed <= _book.CapacityBytes, $"committed {committed} over capacity {_book.CapacityBytes} after {operation}");
            foreach (var name in protectedModels)
            {
                // A release or unpin in this very step may make the model evictable; eviction never clears either mark.
                var model = _book.Find(name)!;
                if (model.Pinned || model.InUse > 0)
                    Assert.Equal(ResidencyState.Resident, model.State);
            }
        }
    }
}
