using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CoordinationHub.Audit;

/// <summary>Reads an export file (<see cref="AuditExportFormat"/>) line by line, in constant memory.</summary>
public static class AuditExportReader
{
    /// <summary>The header line, checked for the format this reader knows.</summary>
    public static async Task<AuditExportHeader> ReadHeaderAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AuditExportFormatException("line 1: the file is empty; an export starts with its header.");
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != AuditExportFormat.Format)
            {
                throw new AuditExportFormatException($"line 1: format '{format}' is not {AuditExportFormat.Format}.");
            }

            return new AuditExportHeader
            {
                Format = format,
                Hub = root.GetProperty("hub").GetString() ?? string.Empty,
                ExportedAt = ParseTime(root.GetProperty("exported_at")),
                FromSeq = root.GetProperty("from_seq").GetInt64(),
                KeyId = root.GetProperty("key_id").GetString() ?? string.Empty,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuditExportFormatException($"line 1: not an export header: {e.Message}", e);
        }
    }

    /// <summary>The lines after the header: each an <see cref="AuditCheckpoint"/> or a <see cref="ChainedAuditEntry"/>.</summary>
    public static async IAsyncEnumerable<object> ReadItemsAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                yield return ParseItem(line, number);
            }
        }
    }

    private static object ParseItem(string line, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("entry", out var entry))
            {
                return ParseEntry(entry);
            }

            if (root.TryGetProperty("checkpoint", out var checkpoint))
            {
                return ParseCheckpoint(checkpoint);
            }

            throw new AuditExportFormatException($"line {number}: neither an entry nor a checkpoint.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new AuditExportFormatException($"line {number}: {e.Message}", e);
        }
    }

    private static ChainedAuditEntry ParseEntry(JsonElement e) => new()
    {
        Chain = e.GetProperty("chain").GetInt32(),
        Seq = e.GetProperty("seq").GetInt64(),
        OccurredAt = ParseTime(e.GetProperty("occurred_at")),
        AgencyId = Text(e, "agency_id"),
        CertificateThumbprint = Text(e, "certificate_thumbprint"),
        Officer = Text(e, "officer"),
        Method = Text(e, "method"),
        Target = Text(e, "target"),
        CaseId = Text(e, "case_id"),
        Purpose = Text(e, "purpose"),
        Decision = Text(e, "decision"),
        Basis = Text(e, "basis"),
        Reason = Text(e, "reason"),
        CategoriesDisclosed = List(e, "categories_disclosed"),
        CategoriesWithheld = List(e, "categories_withheld"),
        RequestId = Text(e, "request_id"),
        CallId = Text(e, "call_id"),
        PrevHash = Convert.FromHexString(Text(e, "prev_hash")),
        Hash = Convert.FromHexString(Text(e, "hash")),
    };

    private static AuditCheckpoint ParseCheckpoint(JsonElement c) => new()
    {
        Chain = c.GetProperty("chain").GetInt32(),
        Seq = c.GetProperty("seq").GetInt64(),
        EntryHash = Convert.FromHexString(Text(c, "entry_hash")),
        SignedAt = ParseTime(c.GetProperty("signed_at")),
        KeyId = Text(c, "key_id"),
        Signature = Convert.FromHexString(Text(c, "signature")),
    };

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? string.Empty;

    private static string[] List(JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(v => v.GetString() ?? string.Empty)];

    // Exact format only: a time that parses loosely could hash differently from what was signed.
    private static DateTimeOffset ParseTime(JsonElement element) =>
        new(DateTime.ParseExact(element.GetString() ?? string.Empty, AuditExportFormat.TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
