using System.Globalization;
using System.Text.Json;

namespace CoordinationHub.Audit;

/// <summary>Writes an export file (<see cref="AuditExportFormat"/>): the header, then checkpoints, then entries.</summary>
public sealed class AuditExportWriter(Stream output) : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Indented = false, SkipValidation = false });

    public async Task WriteHeaderAsync(AuditExportHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        _json.WriteStartObject();
        _json.WriteString("format", header.Format);
        _json.WriteString("hub", header.Hub);
        _json.WriteString("exported_at", Time(header.ExportedAt));
        _json.WriteNumber("from_seq", header.FromSeq);
        _json.WriteString("key_id", header.KeyId);
        _json.WriteEndObject();
        await EndLineAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _json.WriteStartObject();
        _json.WriteStartObject("checkpoint");
        _json.WriteNumber("chain", checkpoint.Chain);
        _json.WriteNumber("seq", checkpoint.Seq);
        _json.WriteString("entry_hash", Convert.ToHexStringLower(checkpoint.EntryHash.Span));
        _json.WriteString("signed_at", Time(checkpoint.SignedAt));
        _json.WriteString("key_id", checkpoint.KeyId);
        _json.WriteString("signature", Convert.ToHexStringLower(checkpoint.Signature.Span));
        _json.WriteEndObject();
        _json.WriteEndObject();
        await EndLineAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteEntryAsync(ChainedAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _json.WriteStartObject();
        _json.WriteStartObject("entry");
        _json.WriteNumber("chain", entry.Chain);
        _json.WriteNumber("seq", entry.Seq);
        _json.WriteString("occurred_at", Time(entry.OccurredAt));
        _json.WriteString("agency_id", entry.AgencyId);
        _json.WriteString("certificate_thumbprint", entry.CertificateThumbprint);
        _json.WriteString("officer", entry.Officer);
        _json.WriteString("method", entry.Method);
        _json.WriteString("target", entry.Target);
        _json.WriteString("case_id", entry.CaseId);
        _json.WriteString("purpose", entry.Purpose);
        _json.WriteString("decision", entry.Decision);
        _json.WriteString("basis", entry.Basis);
        _json.WriteString("reason", entry.Reason);
        WriteList("categories_disclosed", entry.CategoriesDisclosed);
        WriteList("categories_withheld", entry.CategoriesWithheld);
        _json.WriteString("request_id", entry.RequestId);
        _json.WriteString("call_id", entry.CallId);
        _json.WriteString("prev_hash", Convert.ToHexStringLower(entry.PrevHash.Span));
        _json.WriteString("hash", Convert.ToHexStringLower(entry.Hash.Span));
        _json.WriteEndObject();
        _json.WriteEndObject();
        await EndLineAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.FlushAsync().ConfigureAwait(false);
        await _json.DisposeAsync().ConfigureAwait(false);
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(AuditExportFormat.TimeFormat, CultureInfo.InvariantCulture);

    private void WriteList(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    private async Task EndLineAsync(CancellationToken cancellationToken)
    {
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        _json.Reset();
        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }
}
