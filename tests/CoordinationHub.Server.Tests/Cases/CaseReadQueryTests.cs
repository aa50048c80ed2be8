using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// GetCase's first round trip (<see cref="CaseReadQuery"/>, ADR 0016) restates the access rule
/// inside one query. On real PostgreSQL: for every way an agency can stand to a case it finds the
/// relationship <see cref="CaseAccess.RelationshipAsync"/> finds, the same referrals and grants
/// <see cref="CaseGrants.ForAsync"/> loads, and it sends one command.
/// </summary>
public sealed class CaseReadQueryTests : IAsyncLifetime
{
    private const string CaseId = "MP-2026-000001";
    private const string MergedCaseId = "MP-2026-000002";
    private const string Reporter = "read-query-police";
    private const string MovedReporter = "read-query-family";
    private const string Holder = "read-query-lab";
    private const string OverdueHolder = "read-query-ministry";
    private const string DeclinedRecipient = "read-query-court";
    private const string Unrelated = "read-query-unrelated";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        foreach (var agency in new[] { Reporter, MovedReporter, Holder, OverdueHolder, DeclinedRecipient, Unrelated })
        {
            db.Agencies.Add(new AgencyRecord { AgencyId = agency, DisplayName = agency, Kind = "POLICE", CreatedAt = now, UpdatedAt = now });
        }

        db.Cases.AddRange(
            new CaseRecord { CaseId = CaseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now },
            new CaseRecord { CaseId = MergedCaseId, Status = "CLOSED", CreatedAt = now, UpdatedAt = now });
        db.CaseReports.AddRange(
            new CaseReportRecord { CaseId = CaseId, OriginalCaseId = CaseId, AgencyId = Reporter, ReportedAt = now, RequestId = "r1", RequestHash = new string('0', 64), CreatedCase = true },

            // Filed on the merged case and moved onto the survivor: its reporter sees both.
            new CaseReportRecord { CaseId = CaseId, OriginalCaseId = MergedCaseId, AgencyId = MovedReporter, ReportedAt = now, RequestId = "r2", RequestHash = new string('0', 64), CreatedCase = true });
        db.Referrals.AddRange(
            Referral(Holder, ReferralState.Accepted, now.AddDays(7), "identification", ["genetic", "identity"]),
            Referral(Holder, ReferralState.Accepted, now.AddDays(3), "search", ["identity"]),
            Referral(OverdueHolder, ReferralState.Accepted, now.AddMinutes(-1), "search", ["identity"]),
            Referral(DeclinedRecipient, ReferralState.Declined, now.AddDays(7), "search", ["identity"]));
        db.DisclosureGrants.AddRange(Grant(DisclosureGrantKind.Consent, null), Grant(DisclosureGrantKind.LegalAuthorisation, now.AddMinutes(-5)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(Reporter, CaseId)]
    [InlineData(MovedReporter, CaseId)]
    [InlineData(MovedReporter, MergedCaseId)]
    [InlineData(Holder, CaseId)]
    [InlineData(OverdueHolder, CaseId)]
    [InlineData(DeclinedRecipient, CaseId)]
    [InlineData(Unrelated, CaseId)]
    [InlineData(Holder, MergedCaseId)]
    public async Task FindAsync_OneCommand_SameRelationshipAndGrantsAsTheSeparateQueries(string agencyId, string caseId)
    {
        var commands = new CommandCounter();
        await using var db = _database.CreateDbContext(commands);

        var row = await CaseReadQuery.FindAsync(db, caseId, agencyId, withGrants: true, CancellationToken.None);
        Assert.Equal(1, commands.Count);

        Assert.NotNull(row);
        Assert.Equal(await CaseAccess.RelationshipAsync(db, caseId, agencyId, CancellationToken.None), row.Relationship);
        var now = DateTimeOffset.UtcNow;
        var expected = await CaseGrants.ForAsync(db, caseId, agencyId, now, CancellationToken.None);
        var actual = CaseGrants.From(row.HeldReferrals, row.RecordedGrants, agencyId, now);
        Assert.Equal(expected.Select(Describe).Order(), actual.Select(Describe).Order());

        var withoutGrants = await CaseReadQuery.FindAsync(db, caseId, agencyId, withGrants: false, CancellationToken.None);
        Assert.NotNull(withoutGrants);
        Assert.Empty(withoutGrants.RecordedGrants);
        Assert.Equal(row.Relationship, withoutGrants.Relationship);
    }

    [Fact]
    public async Task FindAsync_NoSuchCase_Null()
    {
        await using var db = _database.CreateDbContext();
        Assert.Null(await CaseReadQuery.FindAsync(db, "MP-2026-999999", Reporter, withGrants: true, CancellationToken.None));
    }

    private static ReferralRecord Referral(string to, ReferralState state, DateTimeOffset due, string purpose, List<string> categories)
    {
        var now = DateTimeOffset.UtcNow;
        return new ReferralRecord
        {
            ReferralId = Guid.CreateVersion7(), CaseId = CaseId, FromAgencyId = Reporter, ToAgencyId = to, State = state, Purpose = purpose, DataCategories = categories,
            DueAt = due, CreatedAt = now, UpdatedAt = now, RequestId = Guid.NewGuid().ToString(), RequestHash = new string('0', 64),
        };
    }

    private static DisclosureGrantRecord Grant(DisclosureGrantKind kind, DateTimeOffset? withdrawnAt) => new()
    {
        GrantId = Guid.CreateVersion7(), CaseId = CaseId, Kind = kind, Origin = "family", Reference = "form-" + kind, RecordedByAgencyId = Reporter,
        Purposes = ["identification"], DataCategories = ["genetic"], RecipientAgencyIds = [Holder], ValidFrom = DateTimeOffset.UtcNow.AddDays(-1),
        WithdrawnAt = withdrawnAt, CreatedAt = DateTimeOffset.UtcNow, RequestId = Guid.NewGuid().ToString(), RequestHash = new string('0', 64),
    };

    private static string Describe(DisclosureGrant grant) =>
        $"{grant.Id} {grant.Kind} [{string.Join(' ', grant.Purposes.Order())}] [{string.Join(' ', grant.Categories.Order())}] [{string.Join(' ', grant.RecipientAgencies.Order())}] {grant.WithdrawnAt}";
}
