using CoordinationHub.Domain.Referrals;

namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>A request from one agency to another to act on a case (table <c>cases.referrals</c>).</summary>
public sealed class ReferralRecord
{
    public Guid ReferralId { get; set; }

    public required string CaseId { get; set; }

    public required string FromAgencyId { get; set; }

    public required string ToAgencyId { get; set; }

    /// <summary>Purpose vocabulary name, for example <c>identification</c>.</summary>
    public required string Purpose { get; set; }

    public List<string> DataCategories { get; set; } = [];

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset DueAt { get; set; }

    public ReferralState State { get; set; } = ReferralState.Pending;

    public string StateReason { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The sender's idempotency key; unique per sending agency.</summary>
    public required string RequestId { get; set; }

    /// <summary>SHA-256 of the create request without its key.</summary>
    public required string RequestHash { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the etag and concurrency token.</summary>
    public uint Version { get; set; }
}
