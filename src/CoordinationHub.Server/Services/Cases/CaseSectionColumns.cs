using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using Google.Protobuf;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Stores each data category of a case in its own JSON column and reads back only the categories a
/// disclosure decision allows. Each column holds a <see cref="CaseSections"/> message with just that
/// category set, so one parser serves every column and a view is the merge of the disclosed ones.
/// </summary>
internal static class CaseSectionColumns
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The categories the message carries data for.</summary>
    public static IReadOnlySet<string> CategoriesIn(CaseSections sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (sections.Identity is not null) present.Add(DataCategories.Identity);
        if (sections.Circumstances is not null) present.Add(DataCategories.Circumstances);
        if (sections.Contacts.Count > 0) present.Add(DataCategories.Contact);
        if (sections.Antemortem is not null) present.Add(DataCategories.Antemortem);
        if (sections.Genetic is not null) present.Add(DataCategories.Genetic);
        if (sections.Location is not null) present.Add(DataCategories.Location);
        if (sections.Investigation is not null) present.Add(DataCategories.Investigation);
        return present;
    }

    /// <summary>Writes the given categories of <paramref name="sections"/> into the record, replacing what was there.</summary>
    public static void Write(CaseRecord record, CaseSections sections, IEnumerable<string> categories)
    {
        foreach (var category in categories)
        {
            var only = new CaseSections();
            switch (category)
            {
                case DataCategories.Identity: only.Identity = sections.Identity; record.Identity = Json(only, sections.Identity); break;
                case DataCategories.Circumstances: only.Circumstances = sections.Circumstances; record.Circumstances = Json(only, sections.Circumstances); break;
                case DataCategories.Contact: only.Contacts.AddRange(sections.Contacts); record.Contacts = sections.Contacts.Count == 0 ? null : Formatter.Format(only); break;
                case DataCategories.Antemortem: only.Antemortem = sections.Antemortem; record.Antemortem = Json(only, sections.Antemortem); break;
                case DataCategories.Genetic: only.Genetic = sections.Genetic; record.Genetic = Json(only, sections.Genetic); break;
                case DataCategories.Location: only.Location = sections.Location; record.Location = Json(only, sections.Location); break;
                case DataCategories.Investigation: only.Investigation = sections.Investigation; record.Investigation = Json(only, sections.Investigation); break;
                default: throw new ArgumentOutOfRangeException(nameof(categories), category, "Not a data category.");
            }
        }
    }

    /// <summary>The sections of the record whose category is in <paramref name="disclosed"/>; the rest stay absent.</summary>
    public static CaseSections Read(CaseRecord record, IReadOnlySet<string> disclosed)
    {
        ArgumentNullException.ThrowIfNull(record);
        var view = new CaseSections();
        foreach (var (category, json) in Columns(record))
        {
            if (json is not null && disclosed.Contains(category))
            {
                view.MergeFrom(Parser.Parse<CaseSections>(json));
            }
        }

        return view;
    }

    /// <summary>The full sections, for the hub's own use (matching, merging); never sent as is.</summary>
    public static CaseSections ReadAll(CaseRecord record) => Read(record, new HashSet<string>(DataCategories.All, StringComparer.Ordinal));

    private static IEnumerable<(string Category, string? Json)> Columns(CaseRecord record) =>
    [
        (DataCategories.Identity, record.Identity),
        (DataCategories.Circumstances, record.Circumstances),
        (DataCategories.Contact, record.Contacts),
        (DataCategories.Antemortem, record.Antemortem),
        (DataCategories.Genetic, record.Genetic),
        (DataCategories.Location, record.Location),
        (DataCategories.Investigation, record.Investigation),
    ];

    private static string? Json(CaseSections only, IMessage? section) => section is null ? null : Formatter.Format(only);
}
