using System.Data.Common;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// The audit entries of a save that changes something travel as plain INSERTs at the end of the
/// save's first command, not through EF Core's update pipeline (Persistence/AuditInsertsInSaveBatch.cs,
/// ADR 0019). On real PostgreSQL: the entry is in the same command as the change and sealed by the
/// trigger; a failing entry takes the change with it and is pending again afterwards; a caller's
/// rollback takes both; a save of entries alone is still EF Core's.
/// </summary>
public sealed class AuditInsertsInSaveBatchTests : IAsyncLifetime
{
    private const string AgencyId = "appended-agency";
    private const string UpdateClaims = "/coordination.v1.AgenciesService/UpdateAgencyClaims";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedAgencyAsync(AgencyId);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task EntryWithAChange_PlainInsertInTheSameCommand_StoredAndSealed()
    {
        var commands = new CommandRecorder();
        int written;
        await using (var db = _database.CreateDbContext(commands))
        {
            var agency = await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
            agency.Scopes = ["cases.read", "cases.write"];
            db.AuditEntries.Add(Entry("with-change", UpdateClaims));
            commands.Clear();
            written = await db.SaveChangesAsync();

            var command = Assert.Single(commands.Texts);
            Assert.Contains("UPDATE", command, StringComparison.Ordinal);
            Assert.EndsWith(AuditInsertSql.For(db.Model).Named(0) + ";", command, StringComparison.Ordinal);
            Assert.Empty(db.ChangeTracker.Entries<AuditRecord>());
        }

        Assert.Equal(2, written);
        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(e => e.CallId == "with-change");
        Assert.Equal(1, entry.Seq);
        Assert.Equal(32, entry.Hash.Length);
        Assert.Equal(["cases.read", "cases.write"], (await check.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
        await _database.AssertChainsVerifyAsync();
    }

    [Fact]
    public async Task AppendedEntryFails_ChangeNotStored_EntryPendingAgain()
    {
        await using var db = _database.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
        agency.Scopes = ["agencies.admin"];

        // Longer than the method column: the appended INSERT fails after EF Core's UPDATE succeeded.
        var record = Entry("failing", new string('m', 201));
        db.AuditEntries.Add(record);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, FindPostgresError(error)?.SqlState);

        await using (var check = _database.CreateDbContext())
        {
            Assert.Equal(["cases.read"], (await check.Agencies.AsNoTracking().SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
            Assert.False(await check.AuditEntries.AnyAsync());
        }

        // As EF Core leaves a change it could not write: pending, and written by the next save.
        Assert.Equal(EntityState.Added, db.Entry(record).State);
        record.Method = UpdateClaims;
        await db.SaveChangesAsync();
        await using (var check = _database.CreateDbContext())
        {
            Assert.Equal(["agencies.admin"], (await check.Agencies.AsNoTracking().SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
            Assert.Equal(1, (await check.AuditEntries.SingleAsync(e => e.CallId == "failing")).Seq);
        }

        await _database.AssertChainsVerifyAsync();
    }

    [Fact]
    public async Task InsideCallersTransaction_RolledBackWithIt()
    {
        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var agency = await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
            agency.DisplayName = "renamed, then rolled back";
            db.AuditEntries.Add(Entry("rolled-back", UpdateClaims));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(AgencyId, (await check.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).DisplayName);
        Assert.False(await check.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task EntriesAlone_WrittenByEfCore()
    {
        var commands = new CommandRecorder();
        await using var db = _database.CreateDbContext(commands);
        var first = Entry("alone-1", UpdateClaims);
        var second = Entry("alone-2", UpdateClaims);
        db.AuditEntries.AddRange(first, second);
        Assert.Equal(2, await db.SaveChangesAsync());

        // EF Core wrote both entries in its own command, nothing was appended to it, and the
        // trigger sealed them one after the other on their database-sealed lane.
        Assert.DoesNotContain(AuditInsertSql.For(db.Model).Named(0), Assert.Single(commands.Texts), StringComparison.Ordinal);
        await using var check = _database.CreateDbContext();
        Assert.Equal([1L, 2L], await check.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        await _database.AssertChainsVerifyAsync();
    }

    private static PostgresException? FindPostgresError(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }

    private static AuditRecord Entry(string callId, string method) => AuditRecords.ToRecord(
        new AuditEntry { AgencyId = "hub-admin", Method = method, Target = "agency:" + AgencyId, Decision = AuditDecision.Allowed, Reason = "claims updated", CallId = callId },
        TimeProvider.System);

    /// <summary>The text of every command EF Core sends for a save, as it finally goes to Npgsql.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public void Clear() => Texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (eventData.CommandSource == CommandSource.SaveChanges)
            {
                Texts.Add(command.CommandText);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
