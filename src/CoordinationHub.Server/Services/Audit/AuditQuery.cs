using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Services.Audit;

/// <summary>The filters of <c>QueryEntries</c>, checked, applied, and described for the auditor's own audit entry.</summary>
internal static class AuditQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The first problem with the request, or null.</summary>
    public static string? Check(QueryEntriesRequest request)
    {
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            return $"page_size must be between 0 and {MaxPageSize}.";
        }

        if (request.Decision is not ("" or AuditRecord.Allowed or AuditRecord.Denied))
        {
            return "decision must be 'allowed', 'denied' or empty.";
        }

        if (request.StartTime is not null && request.EndTime is not null && request.StartTime.ToDateTimeOffset() >= request.EndTime.ToDateTimeOffset())
        {
            return "start_time must be before end_time.";
        }

        return request.PageToken.Length > 0 && DecodePageToken(request.PageToken) is null ? "page_token is not one this hub issued; start again without it." : null;
    }

    /// <summary>
    /// One page of the matching entries, newest first, with one more entry than
    /// <paramref name="pageSize"/> to tell whether another page follows. Ordered by id, as the
    /// agency, case and officer indexes are keyed (AuditEntityTypeConfiguration).
    /// </summary>
    public static IQueryable<AuditRecord> Page(IQueryable<AuditRecord> entries, QueryEntriesRequest request, int pageSize) =>
        Apply(entries, request).OrderByDescending(e => e.Id).Take(pageSize + 1);

    private static IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> entries, QueryEntriesRequest request)
    {
        if (request.AgencyId.Length > 0)
        {
            entries = entries.Where(e => e.AgencyId == request.AgencyId);
        }

        if (request.CaseId.Length > 0)
        {
            entries = entries.Where(e => e.CaseId == request.CaseId);
        }

        if (request.Officer.Length > 0)
        {
            entries = entries.Where(e => e.Officer == request.Officer);
        }

        if (request.Method.Length > 0)
        {
            entries = entries.Where(e => e.Method == request.Method);
        }

        if (request.Decision.Length > 0)
        {
            entries = entries.Where(e => e.Decision == request.Decision);
        }

        if (request.CategoryDisclosed.Length > 0)
        {
            entries = entries.Where(e => e.CategoriesDisclosed.Contains(request.CategoryDisclosed));
        }

        if (request.StartTime is not null)
        {
            var start = request.StartTime.ToDateTimeOffset();
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (request.EndTime is not null)
        {
            var end = request.EndTime.ToDateTimeOffset();
            entries = entries.Where(e => e.OccurredAt < end);
        }

        if (DecodePageToken(request.PageToken) is { } after)
        {
            entries = entries.Where(e => e.Id < after);
        }

        return entries;
    }

    /// <summary>The filters in words, for the audit entry of the query itself.</summary>
    public static string Describe(QueryEntriesRequest request)
    {
        var parts = new List<string>();
        Add(parts, "agency", request.AgencyId);
        Add(parts, "case", request.CaseId);
        Add(parts, "officer", request.Officer);
        Add(parts, "method", request.Method);
        Add(parts, "decision", request.Decision);
        Add(parts, "disclosed", request.CategoryDisclosed);
        Add(parts, "from", request.StartTime?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
        Add(parts, "until", request.EndTime?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? string.Empty);
        return parts.Count == 0 ? "query: all entries" : "query: " + string.Join(", ", parts);
    }

    // Newest first by storage id: the token is the last id served, in decimal.
    public static string EncodePageToken(long lastId) => lastId.ToString(CultureInfo.InvariantCulture);

    private static long? DecodePageToken(string token) =>
        long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static void Add(List<string> parts, string name, string value)
    {
        if (value.Length > 0)
        {
            parts.Add($"{name}={value}");
        }
    }
}
