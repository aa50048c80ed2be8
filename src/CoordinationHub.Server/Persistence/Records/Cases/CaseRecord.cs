namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>
/// The central record of one missing person (table <c>cases.cases</c>). Each data category's
/// section is stored as the protobuf JSON of its message, so a read can cut the view per
/// category without joining seven tables, and the schema of a section can grow with the API.
/// </summary>
public sealed class CaseRecord
{
    /// <summary>The hub case id, <c>MP-YYYY-NNNNNN</c>.</summary>
    public required string CaseId { get; set; }

    /// <summary>The API enum name without prefix, for example <c>OPEN</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The case this one was merged into; empty unless merged.</summary>
    public string MergedIntoCaseId { get; set; } = string.Empty;

    public string? Identity { get; set; }

    public string? Circumstances { get; set; }

    public string? Contacts { get; set; }

    public string? Antemortem { get; set; }

    public string? Genetic { get; set; }

    public string? Location { get; set; }

    public string? Investigation { get; set; }

    /// <summary>Phonetic keys of every name token in every script: what candidates are ranked by, and what a merge carries over.</summary>
    public List<string> NameKeys { get; set; } = [];

    /// <summary>The keys and every pair of two keys (<c>NameKeyTerms</c>): candidate lookup by array overlap (GIN).</summary>
    public List<string> NameTerms { get; set; } = [];

    /// <summary>Each of <see cref="NameTerms"/> with the birth year, "ABRHM+SD@1984" (or "@?"): the same lookup narrowed to near births (<c>NameKeyTerms.WithBirthYear</c>).</summary>
    public List<string> NameYearTerms { get; set; } = [];

    /// <summary>All names, normalised and transliterated to one Latin form: candidate lookup by trigram similarity (GIN pg_trgm).</summary>
    public string NameSearch { get; set; } = string.Empty;

    /// <summary>Birth year, or the middle of the range; null when unknown. Narrows candidates.</summary>
    public int? BirthYear { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the etag and concurrency token.</summary>
    public uint Version { get; set; }

    public List<CaseReportRecord> Reports { get; set; } = [];
}
