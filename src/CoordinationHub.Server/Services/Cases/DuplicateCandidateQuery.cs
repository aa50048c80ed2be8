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
/// A candidate shares all of the query's names but one (two at least, all when the query has only
/// one or two), each name found by its key or a near variant (<see cref="KeyVariants"/>). The names
/// are looked up two at a time, by the pair terms of <c>name_terms</c> (<see cref="NameKeyTerms"/>):
/// one GIN lookup by array overlap per pair, intersected, one bitmap per alternative set of names
/// (<see cref="Alternatives"/>). Looking up each name on its own and intersecting read the posting
/// lists of common names (a tenth of the caseload each) several times per query, 4-5 times slower
/// at 1,000,000 cases for the same rows (docs/benchmarks.md); a <c>tsvector</c> with one
/// <c>tsquery</c> for the whole rule was slower still (the query is evaluated per listed case). Plain
/// overlap on any one key is not enough: a given name such as Mohamed is shared by a large part of a
/// national caseload, so it matches tens of thousands of cases and a LIMIT would keep an arbitrary
/// few. A trigram condition (<c>name_search % name</c>) is not used either: on strings of phonetic
/// keys it matched a fifth of a 100,000-case load and cost 100 ms of heap rechecks per query
/// (docs/benchmarks.md); the variants cover the misspellings it was meant for. The rows found are
/// ranked by how many of the query's names they share, then by nearness of birth year (an unknown
/// one counts as three years off; when the query has no birth year, no candidate is nearer than
/// another), then by trigram similarity of the phonetic names, and only the best <c>limit</c> are
/// returned.
/// </remarks>
public static class DuplicateCandidateQuery
{
    /// <summary>More keys than this only add pairs, not recall: a name chain is at most four or five names.</summary>
    public const int MaxKeys = 6;

    public const int DefaultLimit = 50;

    // The planner settings of the lookup (reasons in FindAsync), named once for setting and resetting.
    private static readonly (string Name, string Value)[] PlannerSettings =
        [("enable_seqscan", "off"), ("jit", "off"), ("max_parallel_workers_per_gather", "0"), ("plan_cache_mode", "force_custom_plan")];

    /// <summary>The lookup's planner settings for the current transaction; the benchmark shows its plans under the same.</summary>
    public static readonly string LookupSettings = string.Join("; ", PlannerSettings.Select(s => $"SET LOCAL {s.Name} = {s.Value}"));

    private static readonly string DefaultSettings = string.Join("; ", PlannerSettings.Select(s => $"SET LOCAL {s.Name} TO DEFAULT"));

    /// <summary>
    /// Births this many years either side of the query's count as near. Under three, so that a near
    /// birth always ranks before an unknown one (which counts as three years off) and the near
    /// stages need no "unknown year" terms.
    /// </summary>
    public const int NearYears = 2;

    /// <param name="db">The context the records are read (and, when <paramref name="track"/>, tracked) by.</param>
    /// <param name="keys">The query's phonetic name keys (<c>CandidateKeys.TokenKeys</c>).</param>
    /// <param name="excludeCaseId">The case being matched, which must not find itself; null for none.</param>
    /// <param name="visibleTo">Only cases this agency may see; null for all (duplicate detection sees everything).</param>
    /// <param name="limit">Most candidates to return.</param>
    /// <param name="birthYear">The query's birth year, when known: among equally named candidates, the nearest births rank first.</param>
    /// <param name="track">Whether the returned records are tracked.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<List<CaseRecord>> FindAsync(
        HubDbContext db, IReadOnlyList<string> keys, string? excludeCaseId, string? visibleTo, int limit, int? birthYear, bool track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var stages = StagesFor(keys, birthYear);

        // The planner rates an overlap with many rare pair terms far too common (each term it has no
        // statistics for counts as often as the rarest it has) and, at 1,000,000 cases, chose to read
        // the whole table for some common pairs: 20-40 s instead of milliseconds. This lookup is only
        // ever worth doing by the index, so sequential scans are off for it; so is JIT compilation,
        // which the same estimate set off (half a second per query), and so are parallel workers:
        // the same estimate started two for a lookup of 1,815 rows, whose start and merge cost more
        // than the rows (and a hub answering many calls has no idle core to give). Npgsql prepares
        // the stages' statements (HubDatabase.WithAutoPrepare); a generic plan, which PostgreSQL may
        // switch to after five executions, would not see which terms are rare, so every plan is
        // made for its own terms, as before preparation. In a transaction of its own
        // unless the caller has one (where the settings are put back after the query).
        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            await db.Database.ExecuteSqlRawAsync(LookupSettings, cancellationToken).ConfigureAwait(false);
            var found = new List<CaseRecord>();
            foreach (var stage in stages)
            {
                var (sql, parameters) = Build(keys, excludeCaseId, visibleTo, limit, birthYear, stage);
                var query = db.Cases.FromSqlRaw(sql, parameters);
                found = await (track ? query : query.AsNoTracking()).ToListAsync(cancellationToken).ConfigureAwait(false);
                // Not enough: the next stage, from scratch (its first rows are these again; a
                // tracking caller's context resolves them to the same records).
                if (found.Count >= limit)
                {
                    break;
                }
            }

            if (own is null)
            {
                await db.Database.ExecuteSqlRawAsync(DefaultSettings, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return found;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The lookups to try for <paramref name="keys"/> (as many as the query uses, <see cref="MaxKeys"/> at most).</summary>
    public static IReadOnlyList<CandidateStage> StagesFor(IReadOnlyList<string> keys, int? birthYear) => StagesFor(UsedKeys(keys).Count, birthYear);

    /// <summary>
    /// The lookups to try for a query of <paramref name="names"/> names, cheapest first. The ranking
    /// puts candidates sharing every name before all others, and among equals the births within
    /// <see cref="NearYears"/> before the rest (an unknown year counts as three years off). So the
    /// few cases holding all the query's names near its birth year are the answer whenever they
    /// fill the limit, then all that hold every name, then those plus the near births holding all
    /// but one; only then the whole rule, which for common names reads thousands of namesakes
    /// (37,844 rows for one three-name query at 1,000,000 cases, 610 holding all three names).
    /// </summary>
    public static IReadOnlyList<CandidateStage> StagesFor(int names, int? birthYear)
    {
        // With four names or more, all but one is already three names together: the whole rule
        // reads a few hundred rows at 1,000,000 cases (5-10 ms), and the near-birth stages rarely
        // fill the limit (113 of 162 such benchmark queries went on to the whole rule), so they
        // would only add their own cost. All the names first all the same (about 1 ms): when two of
        // them are variants of each other (Zaid, Said), one name of a case counts for both and the
        // whole rule reads every case with a common name (115-165 ms), while all four together
        // are a few.
        if (names >= 4)
        {
            return [CandidateStage.AllNames, CandidateStage.WholeRule];
        }

        var stages = new List<CandidateStage>();
        if (birthYear is not null)
        {
            stages.Add(CandidateStage.AllNamesNearBirthYear);
        }

        // With one or two names the rule is all of them: the stages below would be the whole rule.
        if (names > 2)
        {
            stages.Add(CandidateStage.AllNames);
            if (birthYear is not null)
            {
                stages.Add(CandidateStage.AllNamesOrNearBirthYear);
            }
        }

        stages.Add(CandidateStage.WholeRule);
        return stages;
    }

    /// <summary>
    /// The SQL and its parameters for one <paramref name="stage"/>; the text depends only on the
    /// number of keys and the stage, so plans are reused. Every stage ranks the same way.
    /// </summary>
    public static (string Sql, NpgsqlParameter[] Parameters) Build(IReadOnlyList<string> keys, string? excludeCaseId, string? visibleTo, int limit, int? birthYear, CandidateStage stage = CandidateStage.WholeRule)
    {
        if (stage is CandidateStage.AllNamesNearBirthYear or CandidateStage.AllNamesOrNearBirthYear && birthYear is null)
        {
            throw new ArgumentException($"stage {stage} needs a birth year.", nameof(stage));
        }

        var used = UsedKeys(keys);
        var parameters = new List<NpgsqlParameter>
        {
            new("name", NpgsqlDbType.Text) { Value = string.Join(' ', used) },
            new("exclude", NpgsqlDbType.Text) { Value = excludeCaseId ?? string.Empty },
            new("limit", NpgsqlDbType.Integer) { Value = limit },
            new("year", NpgsqlDbType.Integer) { Value = (object?)birthYear ?? DBNull.Value },
        };

        // Each key is looked up with its near variants (one confusable letter, a dropped leading vowel).
        var variants = used.Select(KeyVariants.Of).ToList();
        for (var i = 0; i < used.Count; i++)
        {
            parameters.Add(new NpgsqlParameter($"k{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = variants[i].ToArray() });
        }

        var groups = new Dictionary<((int, int) Names, bool Near), string>();
        string Group((int First, int Second) names, bool near)
        {
            if (!groups.TryGetValue((names, near), out var name))
            {
                name = $"g{groups.Count}";
                groups.Add((names, near), name);
                var terms = GroupTerms(variants, names);
                parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    Value = near ? [.. terms.SelectMany(t => Enumerable.Range(birthYear!.Value - NearYears, 2 * NearYears + 1).Select(y => NameKeyTerms.InYear(t, y)))] : terms,
                });
            }

            return name;
        }

        // One alternative: all of its groups, by plain terms or by terms of near births.
        string Match(List<(int First, int Second)> alternative, bool near) =>
            "(" + string.Join(" AND ", alternative.Select(g => near ? $"c.name_year_terms && @{Group(g, near)}" : $"c.name_terms && @{Group(g, near)}")) + ")";
        var matches = stage switch
        {
            CandidateStage.AllNamesNearBirthYear => AllNames(used.Count).Select(a => Match(a, near: true)).ToList(),
            CandidateStage.AllNames => AllNames(used.Count).Select(a => Match(a, near: false)).ToList(),
            CandidateStage.AllNamesOrNearBirthYear => [.. AllNames(used.Count).Select(a => Match(a, near: false)), .. Alternatives(used.Count).Select(a => Match(a, near: true))],
            _ => Alternatives(used.Count).Select(a => Match(a, near: false)).ToList(),
        };
        var visibility = "";
        if (visibleTo is not null)
        {
            parameters.Add(new NpgsqlParameter("agency", NpgsqlDbType.Text) { Value = visibleTo });
            visibility = """
                 AND c.case_id IN (
                    SELECT r.case_id FROM cases.reports r WHERE r.agency_id = @agency
                    UNION SELECT r.original_case_id FROM cases.reports r WHERE r.agency_id = @agency
                    UNION SELECT f.case_id FROM cases.referrals f WHERE f.to_agency_id = @agency AND f.state = 'Accepted' AND f.due_at > now())
                """;
        }

        var sql = $"""
            SELECT c.*, c.xmin FROM cases.cases AS c
            WHERE c.merged_into_case_id = '' AND c.case_id <> @exclude
              AND ({string.Join(" OR ", matches)}){visibility}
            ORDER BY {string.Join(" + ", Enumerable.Range(0, used.Count).Select(i => $"(c.name_keys && @k{i})::int"))} DESC,
              CASE WHEN @year IS NULL THEN 0 ELSE abs(coalesce(c.birth_year, @year) - @year) + (CASE WHEN c.birth_year IS NULL THEN 3 ELSE 0 END) END,
              similarity(c.name_search, @name) DESC, c.case_id
            LIMIT @limit
            """;
        return (sql, [.. parameters]);
    }

    /// <summary>
    /// The candidate rule over <paramref name="count"/> query names as index lookups: a case is a
    /// candidate when, for one alternative, it holds a term of every group (<see cref="GroupTerms"/>).
    /// A candidate shares all of the query's names but one (two at least, all when the query has only
    /// one or two): a re-report may drop a name of the chain or spell one beyond recognition, rarely
    /// more. Each alternative is one such set of names, looked up by the pairs that cover it
    /// (<see cref="NameKeyTerms.Covering"/>); a group is two names, or one name paired with itself
    /// when the query has only that one.
    /// </summary>
    public static IEnumerable<List<(int First, int Second)>> Alternatives(int count)
    {
        var required = count <= 2 ? count : Math.Max(2, count - 1);
        return Subsets(count, required).Select(subset =>
            subset.Length == 1 ? [(subset[0], subset[0])] : NameKeyTerms.Covering(subset).ToList());
    }

    // The query's distinct keys, at most MaxKeys of them.
    private static List<string> UsedKeys(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Distinct(StringComparer.Ordinal).Take(MaxKeys).ToList();
    }

    /// <summary>The one set of all <paramref name="count"/> names, as the pairs that cover it (<see cref="Alternatives"/>).</summary>
    public static IEnumerable<List<(int First, int Second)>> AllNames(int count)
    {
        var all = Enumerable.Range(0, count).ToArray();
        return [all.Length == 1 ? [(0, 0)] : NameKeyTerms.Covering(all).ToList()];
    }

    /// <summary>The terms of a group: the name's own variants, or the terms that hold both names (<see cref="NameKeyTerms.Both"/>).</summary>
    public static string[] GroupTerms(IReadOnlyList<IReadOnlyList<string>> variants, (int First, int Second) names)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return names.First == names.Second ? [.. variants[names.First]] : NameKeyTerms.Both(variants[names.First], variants[names.Second]);
    }

    // The index sets of size k drawn from 0..n-1, in order: at most six for the six keys used.
    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var subset = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return [.. subset];
            var i = k - 1;
            while (i >= 0 && subset[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            subset[i]++;
            for (var j = i + 1; j < k; j++)
            {
                subset[j] = subset[j - 1] + 1;
            }
        }
    }
}
