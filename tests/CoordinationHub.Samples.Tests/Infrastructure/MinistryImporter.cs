using CoordinationHub.Client;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Samples.CsvImporter.Hub;
using CoordinationHub.Samples.CsvImporter.Import;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Samples.Tests.Infrastructure;

/// <summary>A ministry registered with the test hub, importing files through the sample's own code, and what the hub then holds for it.</summary>
public sealed class MinistryImporter(HubTestHost hub, TestAgency agency) : IDisposable
{
    private readonly HubConnection _connection = HubConnection.ForAddress(hub.Client.Address)
        .WithClientCertificate(agency.Certificate)
        .WithTrustedRoots([hub.Pki.Root])
        .WithOfficer("officer-7")
        .Build();

    public TestAgency Agency { get; } = agency;

    public static async Task<MinistryImporter> RegisterAsync(HubTestHost hub, params string[] scopes) =>
        new(hub, await hub.Trust.RegisterAgencyAsync("interior", scopes.Length > 0 ? scopes : [Scopes.CasesRead, Scopes.CasesWrite]));

    public async Task<ImportSummary> ImportAsync(string csv, int concurrency = 6)
    {
        var import = new CsvImport(new HubCaseReporter(_connection), concurrency);
        using var reader = new StringReader(csv);
        var (rows, rejected) = import.Read(reader);
        return await import.RunAsync(rows, rejected, onRow: null, CancellationToken.None);
    }

    /// <summary>Cases this ministry opened, and reports it filed, as the hub's database holds them.</summary>
    public async Task<(int Cases, int Reports)> CountWrittenAsync()
    {
        await using var db = hub.Trust.OpenDb();
        var reports = db.CaseReports.Where(r => r.AgencyId == Agency.AgencyId);
        return (await reports.CountAsync(r => r.CreatedCase), await reports.CountAsync());
    }

    public void Dispose() => _connection.Dispose();
}
