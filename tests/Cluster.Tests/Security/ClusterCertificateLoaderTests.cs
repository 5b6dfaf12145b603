using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cluster.Silo.Security;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Cluster.Tests.Security;

/// <summary>How the cluster certificate is read from "Cluster:Tls", and how each misconfiguration is reported.</summary>
public sealed class ClusterCertificateLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cluster-cert-test-").FullName;

    [Fact]
    public void Options_bind_from_the_cluster_tls_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Tls:CertificatePath"] = "/etc/cluster/cluster.crt",
            ["Cluster:Tls:KeyPath"] = "/etc/cluster/cluster.key",
            ["Cluster:Tls:Password"] = "secret",
        }).Build();

        var options = ClusterTlsOptions.FromConfiguration(configuration);

        Assert.Equal(("/etc/cluster/cluster.crt", "/etc/cluster/cluster.key", "secret"), (options.CertificatePath, options.KeyPath, options.Password));
    }

    [Fact]
    public void A_pem_certificate_and_key_load_with_a_usable_private_key()
    {
        var (certificatePath, keyPath) = WritePem(Certificate());

        using var certificate = ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath });

        Assert.True(certificate.HasPrivateKey);
        using var key = certificate.GetECDsaPrivateKey()!;
        Assert.NotEmpty(key.SignData([1, 2, 3], HashAlgorithmName.SHA256));
    }

    [Fact]
    public void A_pem_file_holding_both_certificate_and_key_needs_no_key_path()
    {
        var (certificatePath, keyPath) = WritePem(Certificate());
        File.AppendAllText(certificatePath, "\n" + File.ReadAllText(keyPath));

        using var certificate = ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath });

        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void An_encrypted_pem_key_loads_with_its_password()
    {
        using var source = Certificate();
        var certificatePath = Write("cluster.crt", source.ExportCertificatePem());
        var keyPath = Write("cluster.key", source.GetECDsaPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem(
            "secret", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));

        using var certificate = ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath, Password = "secret" });
        var withoutPassword = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath }));

        Assert.True(certificate.HasPrivateKey);
        Assert.Contains("Cluster:Tls:Password", withoutPassword.Message);
    }

    [Fact]
    public void A_pkcs12_file_loads_with_its_password()
    {
        using var source = Certificate();
        var path = Path.Combine(_directory, "cluster.pfx");
        File.WriteAllBytes(path, source.Export(X509ContentType.Pkcs12, "secret"));

        using var certificate = ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = path, Password = "secret" });
        var wrongPassword = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = path, Password = "wrong" }));

        Assert.True(certificate.HasPrivateKey);
        Assert.Contains("PKCS#12", wrongPassword.Message);
    }

    [Fact]
    public void An_unset_certificate_path_names_the_setting()
    {
        var error = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificateLoader.Load(new ClusterTlsOptions()));

        Assert.Contains("Cluster__Tls__CertificatePath", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var (certificatePath, _) = WritePem(Certificate());
        var missing = Path.Combine(_directory, "missing.key");

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = missing }));

        Assert.Contains(missing, error.Message);
        Assert.Contains("KeyPath", error.Message);
    }

    [Fact]
    public void A_key_of_another_certificate_is_refused()
    {
        var (certificatePath, _) = WritePem(Certificate());
        var (_, otherKeyPath) = WritePem(Certificate(), "other");

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = otherKeyPath }));

        Assert.Contains(otherKeyPath, error.Message);
    }

    [Fact]
    public void A_key_file_without_a_key_is_refused()
    {
        var (certificatePath, _) = WritePem(Certificate());
        var garbage = Write("garbage.key", "not a key");

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = garbage }));

        Assert.Contains(garbage, error.Message);
    }

    [Fact]
    public void A_pkcs12_file_without_the_private_key_is_refused()
    {
        using var source = Certificate();
        using var publicOnly = X509CertificateLoader.LoadCertificate(source.RawData);
        var path = Path.Combine(_directory, "public.pfx");
        File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pkcs12));

        var error = Assert.Throws<ClusterTlsConfigurationException>(() => ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = path }));

        Assert.Contains("private key", error.Message);
    }

    [Fact]
    public void An_expired_certificate_is_refused()
    {
        var (certificatePath, keyPath) = WritePem(Certificate(notAfter: DateTimeOffset.UtcNow.AddDays(-1)));

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath }));

        Assert.Contains("expired", error.Message);
    }

    [Fact]
    public void A_certificate_for_servers_only_is_refused()
    {
        var (certificatePath, keyPath) = WritePem(Certificate(usages: ["1.3.6.1.5.5.7.3.1"]));

        var error = Assert.Throws<ClusterTlsConfigurationException>(() =>
            ClusterCertificateLoader.Load(new ClusterTlsOptions { CertificatePath = certificatePath, KeyPath = keyPath }));

        Assert.Contains("clientAuth", error.Message);
    }

    private static X509Certificate2 Certificate(DateTimeOffset? notAfter = null, string[]? usages = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cluster", key, HashAlgorithmName.SHA256);
        var oids = new OidCollection();
        foreach (var usage in usages ?? ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"])
            oids.Add(new Oid(usage));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        var end = notAfter ?? DateTimeOffset.UtcNow.AddDays(1);
        return request.CreateSelfSigned(end.AddDays(-2), end);
    }

    private (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate, string name = "cluster")
    {
        using (certificate)
        {
            return (Write(name + ".crt", certificate.ExportCertificatePem()),
                    Write(name + ".key", certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()));
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
