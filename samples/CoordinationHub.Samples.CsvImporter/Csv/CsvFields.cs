namespace CoordinationHub.Samples.CsvImporter.Csv;

/// <summary>Writes fields the way <see cref="CsvRecordReader"/> reads them back.</summary>
public static class CsvFields
{
    private static readonly char[] NeedQuotes = [',', '"', '\n', '\r'];

    /// <summary>One CSV line (without its line break) of <paramref name="fields"/>.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Escape));

    private static string Escape(string field) =>
        field.IndexOfAny(NeedQuotes) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
