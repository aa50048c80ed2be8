using System.Globalization;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// How cases are shown: a row per case in lists, each disclosed section for one case, and always
/// what was withheld and why, so that an officer knows a blank is the policy, not missing data.
/// </summary>
internal static class CaseViews
{
    public static OutputView<Case> CaseList { get; } = new(
        [
            new("Case", c => c.CaseId),
            new("Status", c => CaseVocabulary.Statuses.NameOf(c.Status)),
            new("Names", c => Lines(c.Sections?.Identity?.Names.Select(n => n.FullName))),
            new("Born", c => Born(c.Sections?.Identity)),
            new("Last seen", c => LastSeen(c.Sections?.Circumstances)),
            new("Reported by", c => Lines(c.Reports.Select(r => r.AgencyId))),
            new("Flags", c => c.DuplicateFlags.Count(f => f.State == DuplicateFlagState.Open) is var open and > 0 ? $"{open} open" : string.Empty),
        ],
        c => ProtoJson.ToJson(c));

    public static OutputView<Case> CaseDetail { get; } = new(
        [
            new("Case", c => c.CaseId),
            new("Status", c => CaseVocabulary.Statuses.NameOf(c.Status)),
            new("Merged into", c => c.MergedIntoCaseId),
            new("Reports", c => Lines(c.Reports.Select(r => $"{r.AgencyId} {r.LocalReference} ({Time(r.ReportTime)})"))),
            new("Names", c => Lines(c.Sections?.Identity?.Names.Select(n => n.FullName))),
            new("Sex", c => c.Sections?.Identity is { } identity ? CaseVocabulary.Sexes.NameOf(identity.Sex) : string.Empty),
            new("Born", c => Born(c.Sections?.Identity)),
            new("Nationality", c => c.Sections?.Identity?.Nationality ?? string.Empty),
            new("Last seen", c => LastSeen(c.Sections?.Circumstances)),
            new("Family contacts", c => Lines(c.Sections?.Contacts.Select(f => $"{f.Name} ({f.Relation}) {f.Phone}".Trim()))),
            new("Antemortem", c => c.Sections?.Antemortem is { } a ? $"{(a.HeightCm > 0 ? $"{a.HeightCm} cm; " : string.Empty)}{a.PhysicalDescription}".Trim() : string.Empty),
            new("Genetic references", c => Lines(c.Sections?.Genetic?.Samples.Select(s => $"{s.SampleReference} at {s.LaboratoryAgencyId} ({s.DonorRelation})"))),
            new("Sites", c => Lines(c.Sections?.Location?.Sites.Select(s => $"{s.SiteReference_} {s.Description}".Trim()))),
            new("Investigation", c => c.Sections?.Investigation?.FileReference ?? string.Empty),
            new("Possible duplicates", c => Lines(c.DuplicateFlags.Select(Flag))),
            new("Purpose", c => c.Disclosure is { } d ? AgencyVocabulary.Purposes.NameOf(d.Purpose) : string.Empty),
            new("Disclosed", c => Joined(c.Disclosure?.Disclosed.Select(AgencyVocabulary.Categories.NameOf))),
            new("Basis", c => Joined(c.Disclosure?.Basis)),
            new("Withheld", c => Lines(c.Disclosure?.Withheld.Select(w => $"{AgencyVocabulary.Categories.NameOf(w.Category)}: {w.Reason}"))),
            new("Etag", c => c.Etag),
        ],
        c => ProtoJson.ToJson(c));

    public static OutputView<ReportMissingPersonResponse> Reported { get; } = new(
        [
            new("Case", r => r.Case?.CaseId ?? string.Empty),
            new("Created", r => (r.Created ? "yes: a new case" : "no: attached to the case named") + (r.Replayed ? " (earlier, by the same request id; nothing changed now)" : string.Empty)),
            new("Possible duplicates", r => r.PossibleDuplicates.Count == 0 ? "none" : Lines(r.PossibleDuplicates.Select(Flag))),
            new("Etag", r => r.Case?.Etag ?? string.Empty),
        ],
        r => ProtoJson.ToJson(r));

    public static OutputView<SearchCaseResult> SearchResults { get; } = new(
        [
            new("Case", r => r.Case?.CaseId ?? string.Empty),
            new("Score", r => r.Score.ToString("0.00", CultureInfo.InvariantCulture)),
            new("Names", r => Lines(r.Case?.Sections?.Identity?.Names.Select(n => n.FullName))),
            new("Born", r => Born(r.Case?.Sections?.Identity)),
            new("Why", r => Lines(r.Reasons)),
        ],
        r => ProtoJson.ToJson(r));

    public static OutputView<CaseEvent> History { get; } = new(
        [
            new("Time", e => Time(e.EventTime)),
            new("Agency", e => e.AgencyId),
            new("What", e => e.Description),
            new("Categories", e => Joined(e.Categories.Select(AgencyVocabulary.Categories.NameOf))),
        ],
        e => ProtoJson.ToJson(e));

    /// <summary>A flag on one line: a reviewer needs its id to resolve it, and the reasons to decide.</summary>
    private static string Flag(DuplicateFlag flag) =>
        $"{flag.FlagId} {CaseVocabulary.FlagStates.NameOf(flag.State)} score {flag.Score.ToString("0.00", CultureInfo.InvariantCulture)}" +
        (flag.OtherCaseId.Length > 0 ? $" with {flag.OtherCaseId}" : string.Empty) +
        (flag.Reasons.Count > 0 ? $": {string.Join("; ", flag.Reasons)}" : string.Empty);

    private static string Born(PersonIdentity? identity) => identity is null ? string.Empty
        : identity.DateOfBirth is { Year: > 0 } dob ? PartialDates.Format(dob)
        : identity.BirthYearFrom > 0 ? $"{identity.BirthYearFrom}-{identity.BirthYearTo} (estimated)"
        : string.Empty;

    private static string LastSeen(LastSeen? seen) => seen is null ? string.Empty
        : string.Join(", ", new[] { seen.Place, seen.Country, PartialDates.Format(seen.Date), seen.Context == DisappearanceContext.Unspecified ? string.Empty : CaseVocabulary.Contexts.NameOf(seen.Context) }
            .Where(part => part.Length > 0));

    private static string Lines(IEnumerable<string>? values) => values is null ? string.Empty : string.Join('\n', values);

    private static string Joined(IEnumerable<string>? values) => values is null ? string.Empty : string.Join(", ", values);

    internal static string Time(Timestamp? timestamp) =>
        timestamp?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? string.Empty;
}
