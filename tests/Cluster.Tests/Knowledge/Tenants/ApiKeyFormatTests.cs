using System.Security.Cryptography;
using System.Text;
using Cluster.Grains.Knowledge.Tenants;
using Xunit;

namespace Cluster.Tests.Knowledge.Tenants;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generated_keys_carry_their_key_id_and_differ()
    {
        var (firstId, first) = ApiKeyFormat.Generate();
        var (secondId, second) = ApiKeyFormat.Generate();

        Assert.Matches("^sk-[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", first);
        Assert.True(ApiKeyFormat.TryGetKeyId(first, out var parsed));
        Assert.Equal(firstId, parsed);
        Assert.NotEqual(firstId, secondId);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-admin-key")]
    [InlineData("sk-0123456789abcdef")]
    [InlineData("sk-0123456789ABCDEF_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sk-0123456789abcdef-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sk-0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("sk-0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Malformed_keys_have_no_key_id(string? key)
    {
        Assert.False(ApiKeyFormat.TryGetKeyId(key, out _));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_key_and_matches_only_itself()
    {
        var (_, key) = ApiKeyFormat.Generate();
        var (_, other) = ApiKeyFormat.Generate();

        var hash = ApiKeyFormat.Hash(key);

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), hash);
        Assert.True(ApiKeyFormat.HashesMatch(ApiKeyFormat.Hash(key), hash));
        Assert.False(ApiKeyFormat.HashesMatch(ApiKeyFormat.Hash(other), hash));
        Assert.False(ApiKeyFormat.HashesMatch([], hash));
    }
}
