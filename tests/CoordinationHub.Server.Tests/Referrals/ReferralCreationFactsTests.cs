using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Server.Services.Referrals;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>
/// CreateReferral reads what it must know before it writes in one query
/// (<see cref="ReferralCreationFacts"/>). On real PostgreSQL: one command, whatever the sender's
/// standing, and the same facts the separate queries of <see cref="CaseAccess"/> find.
/// </summary>
public sealed class ReferralCreationFactsTests : IAsyncLifetime
{
    private const string CaseId = "MP-2026-000001";
    private const string Reporter = "facts-police";
    private const string Holder = "facts-lab";
    private const string Stranger = "facts-stranger";
    private const string Recipient = "facts-ministry";
    private const string EarlierRequestId = "earlier-request";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        foreach (var agency in new[] { Reporter, Holder, Stranger, Recipient })
        {
            db.Agencies.Add(new AgencyRecord { AgencyId = agency, DisplayName = agency, Kind = "POLICE", CreatedAt = now, UpdatedAt = now });
        }

        db.Cases.Add(new CaseRecord { CaseId = CaseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        db.CaseReports.Add(new CaseReportRecord { CaseId = CaseId, OriginalCaseId = CaseId, AgencyId = Reporter, ReportedAt = now, RequestId = "report", RequestHash = new string('0', 64), CreatedCase = true });
        db.Referrals.AddRange(
            new ReferralRecord
            {
                ReferralId = Guid.CreateVersion7(), CaseId = CaseId, FromAgencyId = Reporter, ToAgencyId = Holder, State = ReferralState.Accepted, Purpose = "search",
                DataCategories = ["identity"], DueAt = now.AddDays(7), CreatedAt = now, UpdatedAt = now, RequestId = EarlierRequestId, RequestHash = new string('0', 64),
            });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(Reporter, EarlierRequestId, Recipient)]
    [InlineData(Reporter, "fresh-request", Recipient)]
    [InlineData(Holder, "fresh-request", Recipient)]
    [InlineData(Stranger, "fresh-request", "facts-unregistered")]
    public async Task LoadAsync_OneCommand_TheFactsOfTheSeparateQueries(string senderId, string requestId, string recipientId)
    {
        var commands = new CommandCounter();
        await using var db = _database.CreateDbContext(commands);
        var draft = new ReferralDraft(requestId, CaseId, recipientId, "search", ["identity"], "reason", DateTimeOffset.UtcNow.AddDays(3));

        var facts = await ReferralCreationFacts.LoadAsync(db, senderId, draft, CancellationToken.None);
        Assert.Equal(1, commands.Count);

        Assert.Equal(await CaseAccess.RelationshipAsync(db, CaseId, senderId, CancellationToken.None), facts.Relationship);
        Assert.Equal(senderId == Reporter && requestId == EarlierRequestId, facts.Earlier is not null);
        Assert.Equal(recipientId == Recipient, facts.Recipient is not null);
    }
}
