using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
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
        var answeredBy = Enum.GetValues<CandidateStage>().ToDictionary(s => s, _ => 0);
        for (var i = 0; i < 100; i++)
        {
            var reReport = reReporter.ReReport(_persons[i * 13 % Cases]);
            var keys = CandidateKeyBuilder.For(reReport).TokenKeys;
            int? year = reReport.DateOfBirth?.Year ?? (reReport.BirthYearRange is { } range ? (range.From + range.To) / 2 : null);
            await using var db = _database.CreateDbContext();
            foreach (var limit in new[] { 1, 3, 10, 50 })
            {
                var staged = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, limit, year, track: false, CancellationToken.None);

                var (sql, parameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, limit, year);
                var whole = await db.Cases.FromSqlRaw(sql, parameters).AsNoTracking().Select(c => c.CaseId).ToListAsync();
                Assert.Equal(whole, staged.Select(c => c.CaseId));
                answeredBy[await AnsweringStageAsync(db, keys, year, limit)]++;
            }
        }

        // Every stage must have answered queries, or the comparison above proves nothing about it.
        Assert.True(answeredBy.Values.All(n => n >= 5), string.Join(", ", answeredBy.Select(a => $"{a.Key}: {a.Value}")));
    }

    [Fact]
    public async Task MigrationFill_GivesTheTermsTheServiceWrites()
    {
        await using var db = _database.CreateDbContext();
        var written = await db.Cases.AsNoTracking().OrderBy(c => c.CaseId).Take(300).Select(c => new { c.CaseId, c.NameYearTerms }).ToListAsync();
        await db.Database.ExecuteSqlRawAsync(Persistence.Migrations.Sql.NameYearTermsSql.FillNameYearTerms);

        var filled = await db.Cases.AsNoTracking().OrderBy(c => c.CaseId).Take(300).Select(c => new { c.CaseId, c.NameYearTerms }).ToListAsync();
        Assert.Equal(written.Select(w => w.CaseId + " " + string.Join(',', w.NameYearTerms)), filled.Select(f => f.CaseId + " " + string.Join(',', f.NameYearTerms)));
        Assert.Contains(written, w => w.NameYearTerms.Any(t => t.EndsWith("@?", StringComparison.Ordinal)));
    }

    private static async Task<CandidateStage> AnsweringStageAsync(HubDbContext db, IReadOnlyList<string> keys, int? year, int limit)
    {
        var stages = DuplicateCandidateQuery.StagesFor(keys, year);
        foreach (var stage in stages)
        {
            var (sql, parameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, limit, year, stage);
            if (await db.Cases.FromSqlRaw(sql, parameters).CountAsync() >= limit)
            {
                return stage;
            }
        }

        return CandidateStage.WholeRule;
    }
}
