using System.Text;

namespace CoordinationHub.Samples.CsvImporter.Csv;

/// <summary>
/// Reads CSV as RFC 4180 writes it, which is what spreadsheet exports produce: comma-separated,
/// fields in double quotes when they hold commas, quotes (doubled) or line breaks, CRLF or LF. A
/// UTF-8 byte order mark (Excel writes one before Arabic text) is skipped by the caller's reader.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>The records of <paramref name="reader"/>, blank lines skipped.</summary>
    /// <exception cref="CsvFormatException">A quoted field is never closed, or text follows a closing quote.</exception>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var position = 0;
            while (true)
            {
                if (position < text.Length && text[position] == '"')
                {
                    // A quoted field may run over several physical lines.
                    position++;
                    while (true)
                    {
                        var quote = text.IndexOf('"', position);
                        if (quote < 0)
                        {
                            field.Append(text, position, text.Length - position).Append('\n');
                            text = reader.ReadLine() ?? throw new CsvFormatException($"line {start}: a quoted field is never closed.");
                            line++;
                            position = 0;
                            continue;
                        }

                        field.Append(text, position, quote - position);
                        position = quote + 1;
                        if (position < text.Length && text[position] == '"')
                        {
                            field.Append('"');
                            position++;
                            continue;
                        }

                        break;
                    }

                    if (position < text.Length && text[position] != ',')
                    {
                        throw new CsvFormatException($"line {line}: text after a closing quote; a quote inside a quoted field is written twice (\"\").");
                    }
                }
                else
                {
                    var comma = text.IndexOf(',', position);
                    var end = comma < 0 ? text.Length : comma;
                    field.Append(text, position, end - position);
                    position = end;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (position >= text.Length)
                {
                    break;
                }

                position++; // the comma
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return new CsvRecord(start, fields);
        }
    }
}
