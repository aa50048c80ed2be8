using System.Data.Common;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Persistence.Records.Notifications;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// A save of inserts only runs without EF Core's transaction, as one batch that PostgreSQL runs as
/// one implicit transaction (Persistence/OneBatchSaves.cs, ADR 0014). On real PostgreSQL: such a
/// save is one command and no transaction; a failing statement anywhere in it leaves none of the
/// others behind (no audit entry for a change that did not happen, no change without its entry,
/// no gap in the chain); and a save with an xmin-guarded update keeps EF's transaction, so a lost
/// race still takes its audit entry with it.
/// </summary>
public sealed class OneBatchSaveTests : IAsyncLifetime
{
    private const string Sender = "one-batch-sender";
    private const string Recipient = "one-batch-recipient";
    private const string CaseId = "MP-2026-000001";
    private const string TakenRequestId = "taken";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.Agencies.AddRange(
            new AgencyRecord { AgencyId = Sender, DisplayName = Sender, Kind = "POLICE", CreatedAt = now, UpdatedAt = now },
            new AgencyRecord { AgencyId = Recipient, DisplayName = Recipient, Kind = "POLICE", CreatedAt = now, UpdatedAt = now });
        db.Cases.Add(new CaseRecord { CaseId = CaseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        db.Referrals.Add(Referral(TakenRequestId));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task InsertsOnly_OneCommandWithoutExplicitTransaction_EverythingStoredAndSealed()
    {
        var observer = new SaveObserver();
        var callId = "one-batch-" + Guid.NewGuid();
        await using (var db = Open(observer))
        {
            StageReferralCreation(db, Referral("fresh-" + Guid.NewGuid()), callId);
            Assert.True(OneBatchSaves.Qualifies(db));
            observer.Reset();
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, observer.Commands);
        Assert.Equal(0, observer.TransactionsStarted);
        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(e => e.CallId == callId);
        Assert.InRange(entry.Chain, 0, AuditChain.Lanes - 1);
        Assert.Equal(2, await check.Referrals.CountAsync());
        Assert.Equal(1, await check.CaseEvents.CountAsync());

        // The deferred trigger that numbers notifications ran at the implicit transaction's commit.
        Assert.NotNull((await check.Notifications.SingleAsync()).Sequence);
        await _database.AssertChainsVerifyAsync();
    }

    [Theory]
    [InlineData(FailingStatement.Referral)]
    [InlineData(FailingStatement.AuditEntry)]
    public async Task InsertsOnly_OneStatementFails_NoneOfTheOthersIsKept(FailingStatement failing)
    {
        var observer = new SaveObserver();
        var callId = "failing-" + Guid.NewGuid();
        var before = await CountsAsync();
        await using (var db = Open(observer))
        {
            // The referral reuses a taken request id (unique violation), or the audit entry's
            // method is longer than its column (value too long): one statement of the batch fails.
            var referral = Referral(failing == FailingStatement.Referral ? TakenRequestId : "fresh-" + Guid.NewGuid());
            StageReferralCreation(db, referral, callId, method: failing == FailingStatement.AuditEntry ? new string('m', 201) : "/coordination.v1.ReferralsService/CreateReferral");
            Assert.True(OneBatchSaves.Qualifies(db));
            observer.Reset();
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.IsType<PostgresException>(error.InnerException);
        }

        Assert.Equal(0, observer.TransactionsStarted);
        Assert.Equal(before, await CountsAsync());
        await using (var check = _database.CreateDbContext())
        {
            Assert.False(await check.AuditEntries.AnyAsync(e => e.CallId == callId));
        }

        // The lane the failed save locked and sealed on carries on from the same head: no gap.
        await using (var db = _database.CreateDbContext())
        {
            StageReferralCreation(db, Referral("after-" + Guid.NewGuid()), callId);
            await db.SaveChangesAsync();
        }

        await _database.AssertChainsVerifyAsync();
    }

    [Fact]
    public async Task GuardedUpdate_LostRace_KeepsEfTransactionAndStoresNoAuditEntry()
    {
        // Referrals are guarded by EF Core's WHERE xmin = … (agencies by the database since ADR 0018,
        // AgencyVersionGuardTests): a lost race is a row count only the client sees.
        var observer = new SaveObserver();
        var callId = "lost-race-" + Guid.NewGuid();
        await using var db = Open(observer);
        var referral = await db.Referrals.SingleAsync(r => r.RequestId == TakenRequestId);
        await using (var other = _database.CreateDbContext())
        {
            // Another writer changes the row after our read: our xmin is stale.
            (await other.Referrals.SingleAsync(r => r.RequestId == TakenRequestId)).Reason = "changed by someone else";
            await other.SaveChangesAsync();
        }

        referral.Reason = "ours";
        Trail(db).Append(Entry(callId, "/coordination.v1.ReferralsService/AcceptReferral"));
        Assert.False(OneBatchSaves.Qualifies(db));
        observer.Reset();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Equal(1, observer.TransactionsStarted);
        await using var check = _database.CreateDbContext();
        Assert.False(await check.AuditEntries.AnyAsync(e => e.CallId == callId));
        Assert.Equal("changed by someone else", (await check.Referrals.SingleAsync(r => r.RequestId == TakenRequestId)).Reason);
    }

    [Fact]
    public async Task InsideCallersTransaction_LeftToTheCaller()
    {
        await using var db = _database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        StageReferralCreation(db, Referral("in-transaction-" + Guid.NewGuid()), "in-transaction-" + Guid.NewGuid());

        Assert.False(OneBatchSaves.Qualifies(db));
    }

    public enum FailingStatement
    {
        Referral,
        AuditEntry,
    }

    /// <summary>What CreateReferral stages: the referral, its case event, the recipient's notification and the audit entry.</summary>
    private void StageReferralCreation(HubDbContext db, ReferralRecord referral, string callId, string method = "/coordination.v1.ReferralsService/CreateReferral")
    {
        db.Referrals.Add(referral);
        db.CaseEvents.Add(new CaseEventRecord { CaseId = CaseId, AgencyId = Sender, Description = "referred", OccurredAt = referral.CreatedAt });
        db.Notifications.Add(new NotificationRecord
        {
            NotificationId = Guid.CreateVersion7(), RecipientAgencyId = Recipient, CaseId = CaseId, Kind = "REFERRAL_RECEIVED", Payload = [1, 2, 3], CreatedAt = referral.CreatedAt,
        });
        Trail(db).Append(Entry(callId, method));
    }

    private static ReferralRecord Referral(string requestId)
    {
        var now = DateTimeOffset.UtcNow;
        return new ReferralRecord
        {
            ReferralId = Guid.CreateVersion7(), CaseId = CaseId, FromAgencyId = Sender, ToAgencyId = Recipient, Purpose = "search", DataCategories = ["identity"],
            DueAt = now.AddDays(7), CreatedAt = now, UpdatedAt = now, RequestId = requestId, RequestHash = new string('0', 64),
        };
    }

    private static AuditEntry Entry(string callId, string method) => new()
    {
        AgencyId = Sender, CertificateThumbprint = "ab", Officer = "officer.one", Method = method,
        Target = "case:" + CaseId, CaseId = CaseId, Decision = AuditDecision.Allowed, Reason = "created", CallId = callId,
    };

    private DatabaseAuditTrail Trail(HubDbContext db) => new(db, _database, TimeProvider.System);

    private HubDbContext Open(SaveObserver observer) => _database.CreateDbContext(observer, observer.Transactions);

    private async Task<(int Referrals, int Events, int Notifications, int Entries)> CountsAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.Referrals.CountAsync(), await db.CaseEvents.CountAsync(), await db.Notifications.CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>Counts the commands a save sends and the transactions EF Core starts for it.</summary>
    private sealed class SaveObserver : DbCommandInterceptor
    {
        public TransactionCounter Transactions { get; } = new();

        public int Commands { get; private set; }

        public int TransactionsStarted => Transactions.Started;

        public void Reset()
        {
            Commands = 0;
            Transactions.Started = 0;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
