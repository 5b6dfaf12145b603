using System.Security.Cryptography;
using System.Text;

namespace Cluster.Gateway.Security;

/// <summary>
/// The keys the gateway accepts in X-API-Key: the admin key (Cluster:AdminKey) and client keys (Cluster:ApiKeys).
/// In the embedded default without a configured admin key, the one in Cluster:AdminKeyFile (default
/// .cluster/admin-key) is used; when that file is missing or empty a key is generated, printed once and written there.
/// </summary>
public sealed class ApiKeys
{
    public const string Header = "X-API-Key";

    private readonly byte[] _admin;
    private readonly byte[][] _clients;

    public ApiKeys(string adminKey, IEnumerable<string> clientKeys)
    {
        _admin = Encoding.UTF8.GetBytes(adminKey);
        _clients = clientKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public static ApiKeys FromConfiguration(IConfiguration configuration, bool embedded)
    {
        var admin = configuration["Cluster:AdminKey"];
        var clients = configuration.GetSection("Cluster:ApiKeys").Get<string[]>() ?? [];
        if (!string.IsNullOrWhiteSpace(admin))
            return new ApiKeys(admin, clients);
        if (!embedded)
            throw new InvalidOperationException("Cluster:AdminKey (env Cluster__AdminKey) must be set when the gateway joins a cluster.");
        var path = Path.GetFullPath(configuration["Cluster:AdminKeyFile"] ?? Path.Combine(".cluster", "admin-key"));
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
        {
            Console.WriteLine($"Admin API key (X-API-Key) read from {path}");
            return new ApiKeys(kept, clients);
        }

        admin = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, admin + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Console.WriteLine($"Admin API key (X-API-Key): {admin}  (written to {path})");
        return new ApiKeys(admin, clients);
    }

    public bool IsAdmin(string? key) => key is not null && Matches(key, _admin);

    public bool IsValid(string? key)
    {
        if (key is null)
            return false;
        if (Matches(key, _admin))
            return true;
        foreach (var c in _clients)
            if (Matches(key, c))
                return true;
        return false;
    }

    private static bool Matches(string key, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), expected);
}
