using Cluster.GrainInterfaces.ActorCore;

namespace Cluster.Grains.ActorCore;

/// <summary>The server subsystems registered in DI, checked once: names are valid and distinct.</summary>
public sealed class ServerSubsystems
{
    private readonly IServerSubsystem[] _subsystems;

    public ServerSubsystems(IEnumerable<IServerSubsystem> subsystems)
    {
        ArgumentNullException.ThrowIfNull(subsystems);
        _subsystems = subsystems.ToArray();
        for (var i = 0; i < _subsystems.Length; i++)
        {
            var name = _subsystems[i].System;
            if (!KeyName.IsValid(name))
            {
                throw new InvalidOperationException($"Server subsystem {_subsystems[i].GetType().Name} is named '{name}', which does not match {KeyName.Pattern}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (_subsystems[j].System == name)
                {
                    throw new InvalidOperationException($"Server subsystems {_subsystems[j].GetType().Name} and {_subsystems[i].GetType().Name} are both named '{name}'.");
                }
            }
        }
    }

    public int Count => _subsystems.Length;

    /// <summary>Whether a server subsystem has this name, so clients may not store an output under it.</summary>
    public bool Contains(string system)
    {
        foreach (var subsystem in _subsystems)
        {
            if (subsystem.System == system)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds every server subsystem's output for <paramref name="actor"/>.</summary>
    public void AddOutputs(ActorRecord actor, List<SubsystemOutput> outputs)
    {
        foreach (var subsystem in _subsystems)
        {
            outputs.Add(subsystem.Contribute(actor));
        }
    }
}
