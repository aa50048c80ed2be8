using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Builds the view of a case one caller receives for one purpose: the disclosure policy decides the
/// categories, only those sections are read, and the response says what was withheld and why.
/// </summary>
internal static class CaseViews
{
    /// <summary>
    /// The basis on which a reporting agency reads what it collected: data-protection law lets the
    /// collector keep processing its own record for the purposes its claims allow. Modelled as a
    /// legal authorisation so that the one policy, and its properties, cover it too.
    /// </summary>
    public static DisclosureGrant CollectorGrant(string agencyId) => new()
    {
        Id = "collector:" + agencyId,
        Kind = DisclosureGrantKind.LegalAuthorisation,
        Purposes = Purposes.All.Where(p => p != Purposes.Statistics).ToHashSet(StringComparer.Ordinal),
        Categories = DataCategories.All.ToHashSet(StringComparer.Ordinal),
        RecipientAgencies = new HashSet<string>(StringComparer.Ordinal) { agencyId },
    };

    public static DisclosureDecision Decide(AuthenticatedAgency caller, string purpose, CaseRelationship relationship, IReadOnlyList<DisclosureGrant> caseGrants, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var grants = relationship == CaseRelationship.Reporter ? [.. caseGrants, CollectorGrant(caller.AgencyId)] : caseGrants;
        return DisclosurePolicy.Decide(new DisclosureRequest
        {
            AgencyId = caller.AgencyId,
            AgencyKind = caller.Kind,
            ClaimedCategories = caller.DataCategories,
            ClaimedPurposes = caller.Purposes,
            StatedPurpose = purpose,
            Grants = grants,
            Now = now,
        });
    }

    public static Case Build(CaseRecord record, IEnumerable<CaseReportRecord> reports, IEnumerable<DuplicateFlagRecord> flags, DisclosureDecision decision)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decision);
        var view = new Case
        {
            CaseId = record.CaseId,
            Status = CaseMapping.StatusFromName(record.Status),
            Sections = CaseSectionColumns.Read(record, decision.Disclosed),
            MergedIntoCaseId = record.MergedIntoCaseId,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdatedAt),
            Etag = AgencyMapping.Etag(record.Version),
            Disclosure = new Disclosure
            {
                Purpose = ClaimVocabulary.PurposeFromName(decision.Purpose),
                Disclosed = { decision.Disclosed.Select(ClaimVocabulary.CategoryFromName) },
                Withheld = { decision.Withheld.Select(w => new WithheldCategory { Category = ClaimVocabulary.CategoryFromName(w.Key), Reason = w.Value }) },
                Basis = { decision.Basis },
            },
        };
        view.Reports.AddRange(reports.Select(r => new CaseReport { AgencyId = r.AgencyId, LocalReference = r.LocalReference, ReportTime = Timestamp.FromDateTimeOffset(r.ReportedAt) }));
        view.DuplicateFlags.AddRange(flags.Select(f => CaseMapping.ToMessage(f, record.CaseId)));
        return view;
    }
}
