using Xunit;

namespace Cluster.Tests.Knowledge.Http;

/// <summary>The knowledge HTTP test classes share one gateway (and one loaded embedding model).</summary>
[CollectionDefinition(Name)]
public sealed class KnowledgeGatewayCollection : ICollectionFixture<KnowledgeGatewayFixture>
{
    public const string Name = "knowledge gateway";
}
