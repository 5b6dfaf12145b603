namespace Cluster.Grains.Vision.Residency;

/// <summary>Where a catalogued model stands on its device.</summary>
public enum ResidencyState
{
    /// <summary>Not on the device and not asked for.</summary>
    Absent,

    /// <summary>Asked for, but does not fit yet: admitted when memory frees.</summary>
    Waiting,

    /// <summary>Admitted: its bytes are committed while the load runs.</summary>
    Loading,

    /// <summary>Loaded and counted at its measured footprint.</summary>
    Resident,
}
