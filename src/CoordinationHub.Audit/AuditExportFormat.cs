namespace CoordinationHub.Audit;

/// <summary>
/// The export file: JSON Lines, UTF-8. The first line is the header
/// <c>{"format":"coordinationhub-audit-export/1","from_seq":1,...}</c>; every other line is either
/// <c>{"checkpoint":{chain,seq,entry_hash,signed_at,key_id,signature}}</c> or
/// <c>{"entry":{chain,seq,occurred_at,...,prev_hash,hash}}</c>. Hashes and signatures are lower-case
/// hex; times are RFC 3339 UTC with exactly six fractional digits, the precision the hash covers.
/// Field names are the canonical encoding's (<see cref="AuditEntryEncoding"/>).
/// </summary>
public static class AuditExportFormat
{
    public const string Format = "coordinationhub-audit-export/1";

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
}
