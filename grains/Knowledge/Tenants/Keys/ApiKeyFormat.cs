using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Cluster.Grains.Knowledge.Tenants;

/// <summary>
/// Tenant API keys look like <c>sk-&lt;keyId&gt;_&lt;secret&gt;</c>: a 16-hex-digit key id, which names the key's
/// <c>IApiKeyGrain</c> so a key finds its tenant without a scan, and 256 random bits of secret in base64url.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "sk-";

    private const int KeyIdBytes = 8;
    private const int SecretBytes = 32;
    private const int KeyIdLength = KeyIdBytes * 2;
    private const int SecretLength = 43;
    private const int KeyLength = 3 + KeyIdLength + 1 + SecretLength;

    /// <summary>A new key and its id.</summary>
    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>The key id of a well-formed tenant key; false for anything else (admin keys, typos, other formats).</summary>
    public static bool TryGetKeyId(string? key, out string keyId)
    {
        keyId = string.Empty;
        if (key is null || key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + KeyIdLength] != '_')
            return false;
        var id = key.AsSpan(Prefix.Length, KeyIdLength);
        if (!IsKeyId(id))
            return false;
        foreach (var c in key.AsSpan(Prefix.Length + KeyIdLength + 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }

        keyId = id.ToString();
        return true;
    }

    /// <summary>Whether the text is shaped like a key id (16 lower-case hex digits).</summary>
    public static bool IsKeyId(ReadOnlySpan<char> keyId)
    {
        if (keyId.Length != KeyIdLength)
            return false;
        foreach (var c in keyId)
        {
            if (!char.IsAsciiHexDigitLower(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// SHA-256 of the key. A fast hash is right here, unlike for passwords: the secret is 256 random bits, so there is
    /// no dictionary to try and a brute-force search of 2^256 stays out of reach however fast each guess is, while a
    /// slow hash (bcrypt, Argon2) would cost every API request tens of milliseconds.
    /// </summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Compares hashes in time independent of where they differ, so timing reveals nothing of a stored hash.</summary>
    public static bool HashesMatch(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> stored) =>
        CryptographicOperations.FixedTimeEquals(presented, stored);

    /// <summary>What a listing shows of a key: enough to tell keys apart, nothing of the secret.</summary>
    public static string VisiblePrefix(string keyId) => Prefix + keyId;
}
