using CoordinationHub.Domain.Disclosure;

namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>
/// A family's consent or a legal authorisation on a case (table <c>cases.disclosure_grants</c>).
/// One table for both: the disclosure policy reads them the same way, and a case's grants are
/// loaded on every read in one query. Rows are never deleted; a withdrawal is recorded in place.
/// </summary>
public sealed class DisclosureGrantRecord
{
    public Guid GrantId { get; set; }

    public required string CaseId { get; set; }

    public DisclosureGrantKind Kind { get; set; }

    /// <summary>Consent: <c>MissingPerson</c> or <c>FamilyMember</c>; authorisation: <c>CourtOrder</c> or <c>Statute</c>.</summary>
    public required string Origin { get; set; }

    /// <summary>Consent by a family member: the relation; otherwise empty.</summary>
    public string GiverRelation { get; set; } = string.Empty;

    /// <summary>Consent: the signed form's reference; authorisation: the order's or statute's.</summary>
    public required string Reference { get; set; }

    /// <summary>Authorisation: the court or legislature; consent: empty.</summary>
    public string IssuingBody { get; set; } = string.Empty;

    /// <summary>The collecting (consent) or recording (authorisation) agency.</summary>
    public required string RecordedByAgencyId { get; set; }

    public List<string> Purposes { get; set; } = [];

    public List<string> DataCategories { get; set; } = [];

    public List<string> RecipientAgencyIds { get; set; } = [];

    /// <summary>Agency kinds (proto names without prefix, as in <c>trust.agencies.kind</c>).</summary>
    public List<string> RecipientKinds { get; set; } = [];

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset? ValidUntil { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string WithdrawalReason { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The recording agency's idempotency key; unique per agency.</summary>
    public required string RequestId { get; set; }

    /// <summary>SHA-256 of the record request without its key.</summary>
    public required string RequestHash { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the concurrency token of a withdrawal.</summary>
    public uint Version { get; set; }
}
