using Cluster.Runtime.Messaging;

namespace Cluster.Runtime.Catalog;

/// <summary>Makes grain references bound to a call sink (a silo or a cluster client).</summary>
public sealed class GrainFactory(IGrainCallSink sink) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(primaryKey);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKey.Of(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKey.Of(primaryKey));

    internal TGrainInterface GetReference<TGrainInterface>(GrainId id) where TGrainInterface : IGrain
    {
        var reference = Binding<TGrainInterface>.Proxy(sink, id);
        reference.ClassInfo = GrainRegistry.ForGrainType(id.Type);
        return (TGrainInterface)(object)reference;
    }

    private TGrainInterface Create<TGrainInterface>(string key)
    {
        var info = Binding<TGrainInterface>.ClassInfo;
        var reference = Binding<TGrainInterface>.Proxy(sink, new GrainId(info.GrainType, key));
        reference.ClassInfo = info;
        return (TGrainInterface)(object)reference;
    }

    /// <summary>Per-interface lookups done once, so GetGrain costs an allocation and no dictionary search.</summary>
    private static class Binding<T>
    {
        private static Func<IGrainCallSink, GrainId, GrainReference>? _proxy;
        private static GrainClassInfo? _classInfo;

        public static Func<IGrainCallSink, GrainId, GrainReference> Proxy => _proxy ??= GrainRegistry.ProxyFactory(typeof(T));

        public static GrainClassInfo ClassInfo => _classInfo ??= GrainRegistry.ForInterface(typeof(T));
    }
}
