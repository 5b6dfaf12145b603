using Cluster.GrainInterfaces.Knowledge.Tenants;
using Cluster.Grains.Knowledge.Tenants;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

public sealed class TenantRequestsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static string FieldOf(Action check) => Assert.Throws<TenantValidationException>(check).Field;

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("a\0b")]
    public void Names_that_are_empty_or_not_storable_are_refused(string? name)
    {
        Assert.Equal("name", FieldOf(() => TenantRequests.Name(name)));
    }

    [Fact]
    public void Names_with_an_unpaired_surrogate_are_refused()
    {
        // Built here: a test-case argument would reach the test already repaired to U+FFFD.
        var name = "x" + (char)0xD800;

        Assert.Equal("name", FieldOf(() => TenantRequests.Name(name)));
    }

    [Fact]
    public void Names_are_trimmed_and_limited_in_length()
    {
        Assert.Equal("Acme", TenantRequests.Name("  Acme "));
        Assert.Equal("name", FieldOf(() => TenantRequests.Name(new string('a', TenantRequests.MaxNameLength + 1))));
    }

    [Fact]
    public void Quota_defaults_and_is_bounded()
    {
        Assert.Equal(5, TenantRequests.Quota(null, 5));
        Assert.Equal(0, TenantRequests.Quota(0, 5));
        Assert.Equal("storageQuotaBytes", FieldOf(() => TenantRequests.Quota(-1, 5)));
        Assert.Equal("storageQuotaBytes", FieldOf(() => TenantRequests.Quota(TenantOptions.MaxStorageQuotaBytes + 1, 5)));
    }

    [Fact]
    public void Key_specs_name_the_offending_field()
    {
        Assert.Equal("capabilities", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [] }, Now)));
        Assert.Equal("capabilities[1]", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [TenantCapability.Chat, TenantCapability.Chat] }, Now)));
        Assert.Equal("capabilities[0]", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [(TenantCapability)9] }, Now)));
        Assert.Equal("knowledgeBaseIds", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [TenantCapability.Retrieve], KnowledgeBaseIds = [] }, Now)));
        Assert.Equal("knowledgeBaseIds[1]", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [TenantCapability.Retrieve], KnowledgeBaseIds = ["kb", ""] }, Now)));
        Assert.Equal("expiresAt", FieldOf(() => TenantRequests.Key(new ApiKeySpec { Capabilities = [TenantCapability.Retrieve], ExpiresAt = Now }, Now)));
    }

    [Fact]
    public void A_valid_key_spec_is_accepted()
    {
        var spec = new ApiKeySpec { Capabilities = [TenantCapability.Retrieve, TenantCapability.Manage], KnowledgeBaseIds = ["kb-1"], ExpiresAt = Now.AddDays(1) };

        Assert.Same(spec, TenantRequests.Key(spec, Now));
    }

    [Fact]
    public void Unusable_default_quota_is_a_startup_problem()
    {
        Assert.Null(new TenantOptions().Problem());
        Assert.Contains("DefaultStorageQuotaBytes", new TenantOptions { DefaultStorageQuotaBytes = -1 }.Problem());
    }
}
