using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// A row edited in PostgreSQL behind the hub's back is located by the hub (VerifyRange) and by an
/// auditor offline (hubctl audit verify on a fresh export), and the export taken before the edit
/// still verifies: evidence already handed over is not affected. Own host: it damages the log.
/// </summary>
public sealed class AuditTamperDetectionTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task RowEditedInPostgres_VerifyRangeAndOfflineVerify_NameTheEntry()
    {
        var auditor = await hub.Trust.RegisterAgencyAsync("auditor", [Scopes.AuditRead]);
        var tools = new AuditorTools(hub, auditor);
        var key = Path.Combine(tools.Directory, "audit-key.pem");
        await File.WriteAllTextAsync(key, (await tools.RunAsync("audit", "key")).Output);
        for (var i = 0; i < 5; i++)
        {
            await hub.Client.RequestTokenAsync(auditor.Certificate, auditor.AgencyId); // each issuance is audited
        }

        var before = Path.Combine(tools.Directory, "before.jsonl");
        Assert.Equal(0, (await tools.RunAsync("audit", "export", "--file", before)).ExitCode);
        await using var db = hub.Trust.OpenDb();
        var victim = await db.AuditEntries.AsNoTracking().Where(e => e.Method == "/connect/token").OrderBy(e => e.Id).Skip(2).FirstAsync();

        await AuditTampering.ExecuteAsync(hub.ConnectionString,
            $"UPDATE audit.entries SET decision = 'denied' WHERE chain = {victim.Chain} AND seq = {victim.Seq}");

        var token = await hub.Client.GetTokenAsync(auditor.Certificate, auditor.AgencyId, Scopes.AuditRead);
        using var channel = hub.Client.OpenChannel(auditor.Certificate);
        var online = await channel.UnaryAsync(AuditServiceMethods.VerifyRange, new VerifyRangeRequest(), HubClient.WithCredentials(token));
        Assert.False(online.Valid);
        Assert.Equal((victim.Chain, victim.Seq, "HashMismatch"), (online.Problems[0].Chain, online.Problems[0].Seq, online.Problems[0].Kind));

        var after = Path.Combine(tools.Directory, "after.jsonl");
        Assert.Equal(0, (await tools.RunAsync("audit", "export", "--file", after)).ExitCode);
        var offline = await tools.RunAsync("audit", "verify", "--file", after, "--public-key", key);
        Assert.Equal(Cli.ExitCodes.VerificationFailed, offline.ExitCode);
        Assert.Contains($"chain {victim.Chain} seq {victim.Seq}: HashMismatch", offline.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await tools.RunAsync("audit", "verify", "--file", before, "--public-key", key)).ExitCode);
    }
}
