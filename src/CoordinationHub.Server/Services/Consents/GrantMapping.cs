using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Agencies;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>Between stored grants, the <c>coordination.v1</c> messages and the disclosure policy's <see cref="DisclosureGrant"/>.</summary>
internal static class GrantMapping
{
    public static Consent ToConsent(DisclosureGrantRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var message = new Consent
        {
            ConsentId = record.GrantId.ToString(),
            CaseId = record.CaseId,
            Giver = record.Origin == GrantOrigins.FamilyMember ? ConsentGiver.FamilyMember : ConsentGiver.MissingPerson,
            GiverRelation = record.GiverRelation,
            CollectingAgencyId = record.RecordedByAgencyId,
            Scope = Scope(record),
            ValidTime = Timestamp.FromDateTimeOffset(record.ValidFrom),
            ExpireTime = record.ValidUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            FormReference = record.Reference,
            State = State(record, now),
            WithdrawTime = record.WithdrawnAt is { } withdrawn ? Timestamp.FromDateTimeOffset(withdrawn) : null,
            WithdrawalReason = record.WithdrawalReason,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
        };
        return message;
    }

    public static LegalAuthorisation ToAuthorisation(DisclosureGrantRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new LegalAuthorisation
        {
            AuthorisationId = record.GrantId.ToString(),
            CaseId = record.CaseId,
            Basis = record.Origin == GrantOrigins.CourtOrder ? LegalBasis.CourtOrder : LegalBasis.Statute,
            Reference = record.Reference,
            IssuingBody = record.IssuingBody,
            RecordingAgencyId = record.RecordedByAgencyId,
            Scope = Scope(record),
            ValidTime = Timestamp.FromDateTimeOffset(record.ValidFrom),
            ExpireTime = record.ValidUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
            State = State(record, now),
            CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
        };
    }

    /// <summary>
    /// The grant as the policy reads it. A stored withdrawal counts from now at the latest: the
    /// replica that recorded it may run a little ahead of this one, and a withdrawal must bite on
    /// the next read everywhere, not when this replica's clock catches up.
    /// </summary>
    public static DisclosureGrant ToPolicyGrant(DisclosureGrantRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DisclosureGrant
        {
            Id = (record.Kind == DisclosureGrantKind.Consent ? "consent:" : "authorisation:") + record.GrantId,
            Kind = record.Kind,
            Purposes = record.Purposes.ToHashSet(StringComparer.Ordinal),
            Categories = record.DataCategories.ToHashSet(StringComparer.Ordinal),
            RecipientAgencies = record.RecipientAgencyIds.ToHashSet(StringComparer.Ordinal),
            RecipientKinds = record.RecipientKinds.ToHashSet(StringComparer.Ordinal),
            ValidFrom = record.ValidFrom,
            ValidUntil = record.ValidUntil,
            WithdrawnAt = record.WithdrawnAt is { } withdrawn && withdrawn > now ? now : record.WithdrawnAt,
        };
    }

    public static GrantState State(DisclosureGrantRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.WithdrawnAt is not null ? GrantState.Withdrawn
            : record.ValidUntil is { } until && until <= now ? GrantState.Expired
            : now < record.ValidFrom ? GrantState.NotYetInForce
            : GrantState.InForce;
    }

    private static DisclosureScope Scope(DisclosureGrantRecord record) => new()
    {
        Purposes = { record.Purposes.Select(ClaimVocabulary.PurposeFromName) },
        DataCategories = { record.DataCategories.Select(ClaimVocabulary.CategoryFromName) },
        RecipientAgencyIds = { record.RecipientAgencyIds },
        RecipientAgencyKinds = { record.RecipientKinds.Select(AgencyMapping.KindFromName) },
    };
}
