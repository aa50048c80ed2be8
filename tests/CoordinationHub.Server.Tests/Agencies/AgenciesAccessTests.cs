using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>
/// Who may call each Agencies RPC: the administrator may (the registry tests exercise every RPC as
/// one); an ordinary agency, a suspended administrator, a caller without a token and a certificate
/// of another CA may not, and nothing changes when they try.
/// </summary>
public sealed class AgenciesAccessTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    public static TheoryData<string> Methods() => [.. AgenciesServiceMethods.Descriptor.Methods.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryRpc_OrdinaryAgency_PermissionDeniedAuditedAndNothingChanged(string method)
    {
        var ordinary = await hub.Trust.RegisterAgencyAsync("ordinary", [Scopes.CasesRead, Scopes.CasesWrite]);
        var token = await hub.Client.GetTokenAsync(ordinary.Certificate, ordinary.AgencyId);
        using var channel = hub.Client.OpenChannel(ordinary.Certificate);
        var target = AgenciesApi.NewAgencyId("victim");

        var error = await Assert.ThrowsAsync<RpcException>(() => Invoke(channel, method, target, token));

        Assert.Equal(StatusCode.PermissionDenied, error.Status.Code);
        Assert.Contains("agencies.admin", error.Status.Detail, StringComparison.Ordinal);
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.Agencies.AnyAsync(a => a.AgencyId == target));
        Assert.Contains(await hub.Trust.AuditEntriesForAsync(ordinary.Certificate), e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/" + method, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryRpc_SuspendedAdministrator_PermissionDenied(string method)
    {
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Scopes.AgenciesAdmin]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        await hub.Trust.SetStatusAsync(admin.AgencyId, Domain.Trust.AgencyStatus.Suspended, "credentials under review");
        using var channel = hub.Client.OpenChannel(admin.Certificate);

        // The grant cache may serve the active grant for up to 1 s; after that the suspension must bite.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var error = await Assert.ThrowsAsync<RpcException>(() => Invoke(channel, method, AgenciesApi.NewAgencyId("victim"), token));

        Assert.Equal(StatusCode.PermissionDenied, error.Status.Code);
        Assert.Contains("suspended", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryRpc_AdministratorWithoutToken_Unauthenticated(string method)
    {
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Scopes.AgenciesAdmin]);
        using var channel = hub.Client.OpenChannel(admin.Certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => Invoke(channel, method, AgenciesApi.NewAgencyId("victim"), token: null));

        Assert.Equal(StatusCode.Unauthenticated, error.Status.Code);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task EveryRpc_CertificateOfAnotherCa_RefusedAtTheHandshake(string method)
    {
        using var foreign = HubTestHost.ForeignCertificate("intruder");
        using var channel = hub.Client.OpenChannel(foreign);

        var error = await Assert.ThrowsAsync<RpcException>(() => Invoke(channel, method, AgenciesApi.NewAgencyId("victim"), token: "not-even-looked-at"));

        Assert.Equal(StatusCode.Unavailable, error.Status.Code);
    }

    [Fact]
    public async Task AdminToken_ReplayedOverAnotherAgencysConnection_Unauthenticated()
    {
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Scopes.AgenciesAdmin]);
        var thief = await hub.Trust.RegisterAgencyAsync("thief", [Scopes.CasesRead]);
        var adminToken = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        using var channel = hub.Client.OpenChannel(thief.Certificate);
        var target = AgenciesApi.NewAgencyId("victim");

        var error = await Assert.ThrowsAsync<RpcException>(() => Invoke(channel, nameof(AgenciesServiceMethods.RegisterAgency), target, adminToken));

        Assert.Equal(StatusCode.Unauthenticated, error.Status.Code);
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.Agencies.AnyAsync(a => a.AgencyId == target));
    }

    // A well-formed request per RPC, aimed at an agency that does not exist: refused calls must not create it.
    private static Task Invoke(RpcChannel channel, string method, string target, string? token)
    {
        var options = HubClient.WithCredentials(token);
        return method switch
        {
            nameof(AgenciesServiceMethods.RegisterAgency) => channel.UnaryAsync(AgenciesServiceMethods.RegisterAgency, new RegisterAgencyRequest { AgencyId = target, DisplayName = "Victim", Kind = AgencyKind.Justice }, options),
            nameof(AgenciesServiceMethods.GetAgency) => channel.UnaryAsync(AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = target }, options),
            nameof(AgenciesServiceMethods.ListAgencies) => channel.UnaryAsync(AgenciesServiceMethods.ListAgencies, new ListAgenciesRequest(), options),
            nameof(AgenciesServiceMethods.UpdateAgencyClaims) => channel.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims, new UpdateAgencyClaimsRequest { AgencyId = target, Claims = AgenciesApi.Claims([Scopes.AgenciesAdmin]) }, options),
            nameof(AgenciesServiceMethods.SuspendAgency) => channel.UnaryAsync(AgenciesServiceMethods.SuspendAgency, new SuspendAgencyRequest { AgencyId = target, Reason = "x" }, options),
            nameof(AgenciesServiceMethods.ReinstateAgency) => channel.UnaryAsync(AgenciesServiceMethods.ReinstateAgency, new ReinstateAgencyRequest { AgencyId = target, Reason = "x" }, options),
            nameof(AgenciesServiceMethods.RevokeAgency) => channel.UnaryAsync(AgenciesServiceMethods.RevokeAgency, new RevokeAgencyRequest { AgencyId = target, Reason = "x" }, options),
            nameof(AgenciesServiceMethods.EnrollCertificate) => channel.UnaryAsync(AgenciesServiceMethods.EnrollCertificate, new EnrollCertificateRequest { AgencyId = target, CsrPem = CertificateMaterial.NewCsrPem() }, options),
            nameof(AgenciesServiceMethods.ListCertificates) => channel.UnaryAsync(AgenciesServiceMethods.ListCertificates, new ListCertificatesRequest { AgencyId = target }, options),
            nameof(AgenciesServiceMethods.RevokeCertificate) => channel.UnaryAsync(AgenciesServiceMethods.RevokeCertificate, new RevokeCertificateRequest { ThumbprintSha256 = new string('a', 64), Reason = "x" }, options),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not an Agencies RPC; add it here."),
        };
    }
}
