using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>Enrolling certificates (CSR signed by the hub CA, or external), listing and revoking them.</summary>
public sealed class CertificateEnrollmentTests(HubTestHost hub) : IClassFixture<HubTestHost>, IAsyncLifetime
{
    private AgenciesApi _api = null!;

    public async Task InitializeAsync() => _api = await AgenciesApi.SignInAsAdminAsync(hub);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EnrollCertificate_Csr_IssuesClientCertificateChainingToHubCaForThatAgency()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var enrolled = await _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem("CN=ignored, O=Whatever"), validityDays: 90);

        using var certificate = X509Certificate2.CreateFromPem(enrolled.CertificatePem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(hub.Pki.Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal($"CN={id}, O=CoordinationHub agency", certificate.Subject); // the hub decides the subject
        Assert.Contains(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.InRange((certificate.NotAfter - DateTime.Now).TotalDays, 89, 91);
        Assert.Equal(CertificateMaterial.Thumbprint(enrolled.CertificatePem), enrolled.ThumbprintSha256);
        Assert.Equal(CertificateStatus.Active, enrolled.Status);
        Assert.Equal([enrolled], (await _api.ListCertificatesAsync(id)).Certificates);
    }

    [Theory]
    [InlineData("not a csr")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----")]
    public async Task EnrollCertificate_MalformedCsr_InvalidArgumentAndNothingStored(string csr)
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollCsrAsync(id, csr));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("csr_pem", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await _api.ListCertificatesAsync(id)).Certificates);
    }

    [Fact]
    public async Task EnrollCertificate_WeakRsaKey_InvalidArgument()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollCsrAsync(id, CertificateMaterial.NewRsaCsrPem(1024)));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("2048", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrollCertificate_ValidityOutOfRange_InvalidArgument()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem(), validityDays: 5000));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
    }

    [Fact]
    public async Task EnrollCertificate_ExternalCertificateOfHubCa_RegisteredUnchanged()
    {
        var issuer = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(issuer);
        var issued = await _api.EnrollCsrAsync(issuer, CertificateMaterial.NewCsrPem());
        await _api.RevokeCertificateAsync(issued.ThumbprintSha256);
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        // The same certificate cannot be bound twice, even after revocation.
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollExternalAsync(id, issued.CertificatePem));

        Assert.Equal(StatusCode.AlreadyExists, error.Status.Code);
        Assert.Empty((await _api.ListCertificatesAsync(id)).Certificates);
    }

    [Fact]
    public async Task EnrollCertificate_ExternalCertificateOfForeignCa_InvalidArgumentAndNothingStored()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollExternalAsync(id, CertificateMaterial.ForeignCertificatePem()));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("trust anchor", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await _api.ListCertificatesAsync(id)).Certificates);
    }

    [Fact]
    public async Task EnrollCertificate_HubCaCertificateItself_InvalidArgument()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollExternalAsync(id, hub.Pki.Root.ExportCertificatePem()));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("CA certificate", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrollCertificate_UnknownAgency_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollCsrAsync("no-such-agency", CertificateMaterial.NewCsrPem()));

        Assert.Equal(StatusCode.NotFound, error.Status.Code);
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.Certificates.AnyAsync(c => c.AgencyId == "no-such-agency"));
    }

    [Fact]
    public async Task RevokeCertificate_Active_RevokedOnceThenFailedPrecondition()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);
        var enrolled = await _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem());

        var revoked = await _api.RevokeCertificateAsync(enrolled.ThumbprintSha256.ToUpperInvariant(), "laptop stolen");
        var again = await Assert.ThrowsAsync<RpcException>(() => _api.RevokeCertificateAsync(enrolled.ThumbprintSha256));

        Assert.Equal(CertificateStatus.Revoked, revoked.Status);
        Assert.Equal(StatusCode.FailedPrecondition, again.Status.Code);
        await using var db = hub.Trust.OpenDb();
        var stored = await db.Certificates.SingleAsync(c => c.ThumbprintSha256 == enrolled.ThumbprintSha256);
        Assert.Equal("laptop stolen", stored.RevocationReason);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public async Task RevokeCertificate_MalformedThumbprint_InvalidArgument(string thumbprint)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.RevokeCertificateAsync(thumbprint));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
    }

    [Fact]
    public async Task RevokeAgency_RevokesEveryCertificateOfTheAgency()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);
        await _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem());
        await _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem());

        await _api.RevokeAsync(id, "institution dissolved");

        var certificates = (await _api.ListCertificatesAsync(id)).Certificates;
        Assert.Equal(2, certificates.Count);
        Assert.All(certificates, c => Assert.Equal(CertificateStatus.Revoked, c.Status));
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.EnrollCsrAsync(id, CertificateMaterial.NewCsrPem()));
        Assert.Equal(StatusCode.FailedPrecondition, error.Status.Code);
    }
}
