using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Cluster.Silo.Security;

/// <summary>
/// Loads the cluster certificate named by <see cref="ClusterTlsOptions"/> and checks, before the member starts, that
/// it can serve both ends of a TLS connection; every problem is a <see cref="ClusterTlsConfigurationException"/>.
/// </summary>
public static class ClusterCertificateLoader
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string CreateHint = "deploy/cluster-cert.sh (cluster_cert_create DIR) creates a valid pair";

    public static X509Certificate2 Load(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
            throw new ClusterTlsConfigurationException(
                $"{ClusterTlsOptions.SectionName}:CertificatePath is not set (env: Cluster__Tls__CertificatePath): point it at " +
                $"the cluster certificate, a PEM or PKCS#12 file; {CreateHint}.");
        var certificatePath = options.CertificatePath;
        var certificateBytes = ReadFile(certificatePath, "CertificatePath", "certificate");
        var certificate = IsPem(certificateBytes)
            ? LoadPem(certificatePath, certificateBytes, options.KeyPath, options.Password)
            : LoadPkcs12(certificatePath, certificateBytes, options.Password);
        try
        {
            EnsureUsable(certificate, certificatePath);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
        return certificate;
    }

    private static byte[] ReadFile(string path, string setting, string what)
    {
        if (!File.Exists(path))
            throw new ClusterTlsConfigurationException(
                $"The cluster {what} file '{Path.GetFullPath(path)}' ({ClusterTlsOptions.SectionName}:{setting}) does not exist or is not a file.");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ClusterTlsConfigurationException(
                $"The cluster {what} file '{Path.GetFullPath(path)}' ({ClusterTlsOptions.SectionName}:{setting}) cannot be read " +
                $"by this process: {e.Message}", e);
        }
    }

    private static bool IsPem(byte[] content) => content.AsSpan().IndexOf("-----BEGIN "u8) >= 0;

    private static X509Certificate2 LoadPem(string certificatePath, byte[] certificateBytes, string? keyPath, string? password)
    {
        var keySetting = "KeyPath";
        var keyBytes = certificateBytes;
        if (string.IsNullOrWhiteSpace(keyPath))
        {
            if (certificateBytes.AsSpan().IndexOf("PRIVATE KEY-----"u8) < 0)
                throw new ClusterTlsConfigurationException(
                    $"{ClusterTlsOptions.SectionName}:KeyPath is not set (env: Cluster__Tls__KeyPath) and the PEM certificate " +
                    $"'{Path.GetFullPath(certificatePath)}' holds no private key: point KeyPath at the certificate's PEM key file.");
            keyPath = certificatePath;
            keySetting = "CertificatePath";
        }
        else
        {
            keyBytes = ReadFile(keyPath, keySetting, "private key");
        }
        var certificatePem = Encoding.ASCII.GetString(certificateBytes);
        var keyPem = Encoding.ASCII.GetString(keyBytes);
        try
        {
            using var pem = string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPem(certificatePem, keyPem)
                : X509Certificate2.CreateFromEncryptedPem(certificatePem, keyPem, password);
            // A PEM key is an ephemeral in-memory key, which an SslStream server cannot use on every platform; a
            // certificate re-imported from PKCS#12 carries a key that it can.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ClusterTlsConfigurationException(
                $"The cluster certificate '{Path.GetFullPath(certificatePath)}' and its private key " +
                $"'{Path.GetFullPath(keyPath)}' ({ClusterTlsOptions.SectionName}:{keySetting}) cannot be loaded: {e.Message} " +
                $"The certificate file needs a PEM CERTIFICATE block and the key file the matching PEM private key " +
                $"(PKCS#8, PKCS#1 or SEC1); an encrypted key needs {ClusterTlsOptions.SectionName}:Password. {CreateHint}.", e);
        }
    }

    private static X509Certificate2 LoadPkcs12(string path, byte[] content, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12(content, password);
        }
        catch (CryptographicException e)
        {
            throw new ClusterTlsConfigurationException(
                $"The cluster certificate '{Path.GetFullPath(path)}' is neither PEM nor a PKCS#12 file that opens with the " +
                $"configured {ClusterTlsOptions.SectionName}:Password: {e.Message}", e);
        }
    }

    private static void EnsureUsable(X509Certificate2 certificate, string path)
    {
        var described = $"The cluster certificate '{Path.GetFullPath(path)}' ({certificate.Subject}, SHA-256 " +
                        $"{certificate.GetCertHashString(HashAlgorithmName.SHA256)})";
        if (!certificate.HasPrivateKey)
            throw new ClusterTlsConfigurationException(
                $"{described} comes without its private key: every member proves membership with the key. {CreateHint}.");
        var now = DateTime.Now;
        if (now < certificate.NotBefore)
            throw new ClusterTlsConfigurationException(
                $"{described} is not valid before {certificate.NotBefore.ToUniversalTime():u}: check this machine's clock.");
        if (now > certificate.NotAfter)
            throw new ClusterTlsConfigurationException(
                $"{described} expired on {certificate.NotAfter.ToUniversalTime():u}: give every member a new one. {CreateHint}.");
        // Every member both accepts connections and opens them, and the TLS layer refuses a certificate whose
        // extended key usage leaves out either role.
        if (!AllowsUsage(certificate, ServerAuthentication) || !AllowsUsage(certificate, ClientAuthentication))
            throw new ClusterTlsConfigurationException(
                $"{described} must allow both server and client authentication (extendedKeyUsage=serverAuth,clientAuth). " +
                $"{CreateHint}.");
    }

    private static bool AllowsUsage(X509Certificate2 certificate, string usage)
    {
        var restricted = false;
        foreach (var extension in certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>())
        {
            restricted = true;
            foreach (var oid in extension.EnhancedKeyUsages)
            {
                if (oid.Value == usage)
                    return true;
            }
        }
        return !restricted;
    }
}
