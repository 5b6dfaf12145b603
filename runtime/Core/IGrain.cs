namespace Cluster.Runtime;

/// <summary>Marker for grain interfaces. Derive from one of the keyed interfaces below.</summary>
public interface IGrain;

public interface IGrainWithStringKey : IGrain;

public interface IGrainWithGuidKey : IGrain;

public interface IGrainWithIntegerKey : IGrain;
