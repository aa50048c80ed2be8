using CoordinationHub.Contracts.V1;
using CoordinationHub.Samples.CsvImporter.Csv;

namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>
/// Turns the ministry's rows into reports. The header names the columns (<see cref="MinistryColumns"/>);
/// a row that cannot be read throws <see cref="RowProblemException"/> naming the column, and the
/// importer skips it. What the hub alone can judge (a country code, a name's letters) is left to it.
/// </summary>
public sealed class MinistryRowParser
{
    private readonly Dictionary<string, int> _columns;
    private readonly string _agencyId;
    private readonly Dictionary<string, int> _seenReferences = new(StringComparer.Ordinal);

    /// <exception cref="CsvFormatException">The header lacks a required column, repeats one or names an unknown one.</exception>
    public MinistryRowParser(CsvRecord header, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(header);
        _agencyId = agencyId;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF');
            if (!MinistryColumns.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CsvFormatException($"line {header.Line}: unknown column '{name}'; the columns are {string.Join(", ", MinistryColumns.All)}.");
            }

            if (!_columns.TryAdd(name, i))
            {
                throw new CsvFormatException($"line {header.Line}: column '{name}' appears twice.");
            }
        }

        if (!_columns.ContainsKey(MinistryColumns.Reference)
            || !(_columns.ContainsKey(MinistryColumns.NameArabic) || _columns.ContainsKey(MinistryColumns.NameLatin)))
        {
            throw new CsvFormatException($"line {header.Line}: the header needs '{MinistryColumns.Reference}' and '{MinistryColumns.NameArabic}' or '{MinistryColumns.NameLatin}'.");
        }
    }

    /// <summary>The ministry's reference of <paramref name="record"/>, for reports about a row that cannot be read.</summary>
    public string ReferenceOf(CsvRecord record) => Field(record, MinistryColumns.Reference).Trim();

    /// <exception cref="RowProblemException">The row cannot be sent as it is.</exception>
    public ImportRow Parse(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Fields.Count != _columns.Count)
        {
            throw new RowProblemException($"the row has {record.Fields.Count} fields, the header {_columns.Count}; a comma in a field needs the field in double quotes.");
        }

        var reference = ReferenceOf(record);
        if (reference.Length == 0)
        {
            throw new RowProblemException($"{MinistryColumns.Reference} is missing: without it a re-run could not recognise the row.");
        }

        if (!_seenReferences.TryAdd(reference, record.Line))
        {
            throw new RowProblemException($"{MinistryColumns.Reference} '{reference}' is already on line {_seenReferences[reference]}; one row per case.");
        }

        var identity = new PersonIdentity
        {
            Sex = FieldParsers.ParseSex(Field(record, MinistryColumns.Sex)),
            DateOfBirth = FieldParsers.ParseDate(Field(record, MinistryColumns.DateOfBirth), MinistryColumns.DateOfBirth),
            Nationality = Field(record, MinistryColumns.Nationality).Trim().ToUpperInvariant(),
        };
        AddName(identity, Field(record, MinistryColumns.NameArabic), NameScript.Arabic);
        AddName(identity, Field(record, MinistryColumns.NameLatin), NameScript.Latin);
        if (identity.Names.Count == 0)
        {
            throw new RowProblemException($"no name: give {MinistryColumns.NameArabic} or {MinistryColumns.NameLatin}.");
        }

        var lastSeen = new LastSeen
        {
            Place = Field(record, MinistryColumns.LastSeenPlace).Trim(),
            Country = Field(record, MinistryColumns.LastSeenCountry).Trim().ToUpperInvariant(),
            Date = FieldParsers.ParseDate(Field(record, MinistryColumns.LastSeenDate), MinistryColumns.LastSeenDate),
            Context = FieldParsers.ParseContext(Field(record, MinistryColumns.Context)),
            Narrative = Field(record, MinistryColumns.Narrative).Trim(),
        };

        // A birth date beats an age: the age is only an estimate of it.
        if (FieldParsers.ParseAgeRange(Field(record, MinistryColumns.AgeLastSeen), lastSeen.Date) is { } years && identity.DateOfBirth is null)
        {
            (identity.BirthYearFrom, identity.BirthYearTo) = years;
        }

        var request = new ReportMissingPersonRequest
        {
            RequestId = RequestIds.For(_agencyId, reference),
            LocalReference = reference,
            CaseId = Field(record, MinistryColumns.HubCaseId).Trim(),
            Sections = new CaseSections { Identity = identity, Circumstances = lastSeen },
        };
        return new ImportRow(record.Line, reference, request);
    }

    private static void AddName(PersonIdentity identity, string text, NameScript script)
    {
        if (text.Trim() is { Length: > 0 } name)
        {
            identity.Names.Add(new PersonName { FullName = name, Script = script });
        }
    }

    private string Field(CsvRecord record, string column) =>
        _columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index] : string.Empty;
}
