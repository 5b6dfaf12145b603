using Cluster.Runtime;

namespace Cluster.Bench;

public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> PingAsync(int value);
}

/// <summary>The smallest useful grain: measures the runtime's own cost per call.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> PingAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}

/// <summary>A player's inventory, about the size of a small game record once serialised.</summary>
public sealed class Inventory
{
    public long Version { get; set; }

    public Dictionary<string, int> Items { get; set; } = [];
}

public interface IInventoryGrain : IGrainWithIntegerKey
{
    Task<long> AddAsync(string item, int count);
}

/// <summary>Measures the runtime's cost per acknowledged state write and per stateful activation.</summary>
public sealed class InventoryGrain([PersistentState("inventory", "inventories")] IPersistentState<Inventory> inventory)
    : Grain, IInventoryGrain
{
    public async Task<long> AddAsync(string item, int count)
    {
        inventory.State.Items[item] = inventory.State.Items.GetValueOrDefault(item) + count;
        inventory.State.Version++;
        await inventory.WriteStateAsync();
        return inventory.State.Version;
    }
}
