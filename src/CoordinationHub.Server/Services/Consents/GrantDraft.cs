using CoordinationHub.Domain.Disclosure;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>A consent or legal authorisation to record, checked for form but not yet against the case, the time or the registry.</summary>
internal sealed record GrantDraft
{
    public required string RequestId { get; init; }

    public required string CaseId { get; init; }

    public required DisclosureGrantKind Kind { get; init; }

    /// <summary>The stored origin: giver of a consent, basis of an authorisation.</summary>
    public required string Origin { get; init; }

    public string GiverRelation { get; init; } = string.Empty;

    public required string Reference { get; init; }

    public string IssuingBody { get; init; } = string.Empty;

    public required GrantScope Scope { get; init; }

    /// <summary>Null: from now.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>SHA-256 of the request without its key, to tell a retry from a reused key.</summary>
    public required string Hash { get; init; }
}
