using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// The candidate lookup first asks only for cases sharing every name of the query and stops there
/// when they fill the limit. On a generated caseload in real PostgreSQL, its answers are exactly
/// those of the whole rule in one query, row for row, whichever stage answered.
/// </summary>
public sealed class DuplicateCandidateStagesTests : IAsyncLifetime
{
    private const int Cases = 4000;
    private readonly MigratedDatabaseFixture _database = new();
    private readonly List<SyntheticPerson> _persons = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var generator = new SyntheticPersonGenerator(41);
        var opened = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var db = _database.CreateDbContext();
        for (var i = 0; i < Cases; i++)
        {
            var person = generator.NextPerson();
            _persons.Add(person);
            var sections = SyntheticReports.Sections(person.Report);
            var record = new CaseRecord { CaseId = $"MP-2026-{i + 1:D6}", Status = CaseMapping.StatusName(CaseStatus.Open), CreatedAt = opened.AddSeconds(i), UpdatedAt = opened.AddSeconds(i) };
            CaseSectionColumns.Write(record, sections, [DataCategories.Identity]);
            CasePersonDescription.SetLookupColumns(record, sections.Identity);
            db.Cases.Add(record);
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE cases.cases");
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task FindAsync_AnswersExactlyAsTheWholeRuleInOneQuery()
    {
        var reReporter = new SyntheticPersonGenerator(42);
        var (answeredByAllNames, answeredByWholeRule) = (0, 0);
        for (var i = 0; i < 100; i++)
        {
            var reReport = reReporter.ReReport(_persons[i * 13 % Cases]);
            var keys = CandidateKeyBuilder.For(reReport).TokenKeys;
            int? year = reReport.DateOfBirth?.Year;
            await using var db = _database.CreateDbContext();
            foreach (var limit in new[] { 2, 5, 50 })
            {
                var staged = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, limit, year, track: false, CancellationToken.None);

                var (sql, parameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, limit, year);
                var whole = await db.Cases.FromSqlRaw(sql, parameters).AsNoTracking().Select(c => c.CaseId).ToListAsync();
                Assert.Equal(whole, staged.Select(c => c.CaseId));

                var (allSql, allParameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, limit, year, allNamesOnly: true);
                var byAllNames = keys.Distinct().Count() > 2 && await db.Cases.FromSqlRaw(allSql, allParameters).CountAsync() >= limit;
                (answeredByAllNames, answeredByWholeRule) = byAllNames ? (answeredByAllNames + 1, answeredByWholeRule) : (answeredByAllNames, answeredByWholeRule + 1);
            }
        }

        // Both stages must have answered queries, or the comparison above proves nothing about one of them.
        Assert.True(answeredByAllNames > 10 && answeredByWholeRule > 10, $"all names: {answeredByAllNames}, whole rule: {answeredByWholeRule}");
    }
}
