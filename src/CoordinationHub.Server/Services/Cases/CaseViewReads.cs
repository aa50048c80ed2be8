using System.Data.Common;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The reads a case view needs after the disclosure decision (the case's reports and duplicate
/// flags), sent in one batch behind the decision's staged audit entry: the entry and the reads
/// commit in one implicit transaction, so a policed read pays for its audit entry with no round
/// trip of its own. Anything else staged in the context is saved first, by SaveChanges, as before.
/// The two SELECTs are written out (EF Core cannot batch queries); CaseViewReadsTests holds them
/// to what the equivalent EF Core queries return. docs/adr/0016-policed-read-in-two-round-trips.md.
/// </summary>
internal static class CaseViewReads
{
    private const string ReportsSql =
        "SELECT id, case_id, agency_id, local_reference, reported_at, request_id, request_hash, created_case, original_case_id " +
        "FROM cases.reports WHERE case_id = $1 OR original_case_id = $1 ORDER BY reported_at, id";

    private const string FlagsSql =
        "SELECT flag_id, case_id, other_case_id, score, reasons, state, resolved_by_agency_id, resolution_reason, created_at, resolved_at " +
        "FROM cases.duplicate_flags WHERE case_id = $1 OR other_case_id = $1 ORDER BY created_at, flag_id";

    /// <summary>Writes what the context staged and reads the case's reports and flags, in one round trip when only audit entries are staged.</summary>
    public static async Task<(List<CaseReportRecord> Reports, List<DuplicateFlagRecord> Flags)> CommitAndReadAsync(HubDbContext db, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var staged = StagedAuditInserts.TryTake(db);
        if (staged is null)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            if (db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction)
            {
                batch.Transaction = transaction;
            }

            foreach (var insert in staged?.Commands ?? [])
            {
                batch.BatchCommands.Add(insert);
            }

            batch.BatchCommands.Add(Select(ReportsSql, caseId));
            batch.BatchCommands.Add(Select(FlagsSql, caseId));
            var reports = new List<CaseReportRecord>();
            var flags = new List<DuplicateFlagRecord>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                // The INSERTs return no rows; the reader starts at the first SELECT's.
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    reports.Add(ReadReport(reader));
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    flags.Add(ReadFlag(reader));
                }
            }

            staged?.MarkWritten();
            return (reports, flags);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand Select(string sql, string caseId) => new(sql) { Parameters = { new NpgsqlParameter { Value = caseId } } };

    private static CaseReportRecord ReadReport(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        CaseId = row.GetString(1),
        AgencyId = row.GetString(2),
        LocalReference = row.GetString(3),
        ReportedAt = row.GetFieldValue<DateTimeOffset>(4),
        RequestId = row.GetString(5),
        RequestHash = row.GetString(6),
        CreatedCase = row.GetBoolean(7),
        OriginalCaseId = row.GetString(8),
    };

    private static DuplicateFlagRecord ReadFlag(DbDataReader row) => new()
    {
        FlagId = row.GetGuid(0),
        CaseId = row.GetString(1),
        OtherCaseId = row.GetString(2),
        Score = row.GetDouble(3),
        Reasons = row.GetFieldValue<List<string>>(4),
        State = row.GetString(5),
        ResolvedByAgencyId = row.GetString(6),
        ResolutionReason = row.GetString(7),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(8),
        ResolvedAt = row.IsDBNull(9) ? null : row.GetFieldValue<DateTimeOffset>(9),
    };
}
