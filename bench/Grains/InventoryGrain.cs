using Cluster.Grains;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Cluster.Bench.Grains;

/// <summary>A player's inventory, about the size of a small game record once serialised.</summary>
public sealed class Inventory
{
    public long Version { get; set; }

    public Dictionary<string, int> Items { get; set; } = [];
}

[Alias("Bench.IInventoryGrain")]
public interface IInventoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds <paramref name="count"/> of <paramref name="item"/> and stores the inventory; returns its new version.</summary>
    [Alias("AddAsync")]
    Task<long> AddAsync(string item, int count);

    /// <summary>Stores an inventory of <paramref name="items"/> different items, one of each, in a single write.</summary>
    [Alias("FillAsync")]
    Task<long> FillAsync(int items);

    /// <summary>The version last stored: one more for every acknowledged write.</summary>
    [ReadOnly]
    [Alias("VersionAsync")]
    Task<long> VersionAsync();
}

/// <summary>
/// Measures the cost of an acknowledged state write and of a stateful activation. It keeps its state in the game
/// records' storage, one of the storages every silo of the product configures.
/// </summary>
[GrainType("bench-inventory")]
public sealed class InventoryGrain([PersistentState("inventory", GrainStorageNames.Actors)] IPersistentState<Inventory> inventory)
    : Grain, IInventoryGrain
{
    public async Task<long> AddAsync(string item, int count)
    {
        inventory.State.Items[item] = inventory.State.Items.GetValueOrDefault(item) + count;
        inventory.State.Version++;
        await inventory.WriteStateAsync();
        return inventory.State.Version;
    }

    public async Task<long> FillAsync(int items)
    {
        for (var i = 0; i < items; i++)
            inventory.State.Items["item-" + i] = 1;
        inventory.State.Version++;
        await inventory.WriteStateAsync();
        return inventory.State.Version;
    }

    public Task<long> VersionAsync() => Task.FromResult(inventory.State.Version);
}
