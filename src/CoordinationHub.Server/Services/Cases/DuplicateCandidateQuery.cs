using CoordinationHub.Domain.Matching;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Finds the cases worth scoring against a name, by index, so that duplicate detection and search
/// never score the whole caseload. Public because the benchmark (bench/run-cases.sh) times this very
/// query on a million generated cases.
/// </summary>
/// <remarks>
/// A candidate shares at least two names with the query, each name by its key or a near variant of
/// it (<see cref="KeyVariants"/>): for each pair of the query's keys, the intersection of two GIN
/// lookups by array overlap (<c>name_keys &amp;&amp; {variants}</c>), or has a similar
/// phonetic name string (<c>name_search % name</c>, pg_trgm) to catch a letter lost or added in one
/// name. Plain key overlap (<c>&amp;&amp;</c>) is not used for multi-name queries: a given name such
/// as Mohamed is shared by a large part of a national caseload, so any one key matches tens of
/// thousands of cases and a LIMIT would keep an arbitrary few of them. The rows found are ranked by
/// trigram similarity, and only the best <c>limit</c> are returned.
/// </remarks>
public static class DuplicateCandidateQuery
{
    /// <summary>More keys than this only add pairs, not recall: a name chain is at most four or five names.</summary>
    public const int MaxKeys = 6;

    public const int DefaultLimit = 50;

    /// <param name="db">The context the records are read (and, when <paramref name="track"/>, tracked) by.</param>
    /// <param name="keys">The query's phonetic name keys (<c>CandidateKeys.TokenKeys</c>).</param>
    /// <param name="excludeCaseId">The case being matched, which must not find itself; null for none.</param>
    /// <param name="visibleTo">Only cases this agency may see; null for all (duplicate detection sees everything).</param>
    /// <param name="limit">Most candidates to return.</param>
    /// <param name="track">Whether the returned records are tracked.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static Task<List<CaseRecord>> FindAsync(
        HubDbContext db, IReadOnlyList<string> keys, string? excludeCaseId, string? visibleTo, int limit, bool track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return Task.FromResult(new List<CaseRecord>());
        }

        var (sql, parameters) = Build(keys, excludeCaseId, visibleTo, limit);
        var query = db.Cases.FromSqlRaw(sql, parameters);
        return (track ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
    }

    /// <summary>The SQL and its parameters; the text depends only on the number of keys, so plans are reused.</summary>
    public static (string Sql, NpgsqlParameter[] Parameters) Build(IReadOnlyList<string> keys, string? excludeCaseId, string? visibleTo, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var used = keys.Distinct(StringComparer.Ordinal).Take(MaxKeys).ToList();
        var parameters = new List<NpgsqlParameter>
        {
            new("name", NpgsqlDbType.Text) { Value = string.Join(' ', used) },
            new("exclude", NpgsqlDbType.Text) { Value = excludeCaseId ?? string.Empty },
            new("limit", NpgsqlDbType.Integer) { Value = limit },
        };

        // Each key is looked up with its near variants (one confusable letter, a dropped leading vowel).
        for (var i = 0; i < used.Count; i++)
        {
            parameters.Add(new NpgsqlParameter($"k{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = KeyVariants.Of(used[i]).ToArray() });
        }

        var matches = new List<string>();
        if (used.Count == 1)
        {
            matches.Add("c.name_keys && @k0");
        }

        for (var i = 0; i < used.Count; i++)
        {
            for (var j = i + 1; j < used.Count; j++)
            {
                matches.Add($"(c.name_keys && @k{i} AND c.name_keys && @k{j})");
            }
        }

        matches.Add("c.name_search % @name");
        var visibility = "";
        if (visibleTo is not null)
        {
            parameters.Add(new NpgsqlParameter("agency", NpgsqlDbType.Text) { Value = visibleTo });
            visibility = """
                 AND c.case_id IN (
                    SELECT r.case_id FROM cases.reports r WHERE r.agency_id = @agency
                    UNION SELECT r.original_case_id FROM cases.reports r WHERE r.agency_id = @agency
                    UNION SELECT f.case_id FROM cases.referrals f WHERE f.to_agency_id = @agency AND f.state = 'Accepted')
                """;
        }

        var sql = $"""
            SELECT c.*, c.xmin FROM cases.cases AS c
            WHERE c.merged_into_case_id = '' AND c.case_id <> @exclude
              AND ({string.Join(" OR ", matches)}){visibility}
            ORDER BY similarity(c.name_search, @name) DESC, c.case_id
            LIMIT @limit
            """;
        return (sql, [.. parameters]);
    }
}
