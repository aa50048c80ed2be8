namespace CoordinationHub.Samples.CsvImporter.Import;

/// <summary>
/// A row that was not imported: its line, its reference, and either the gRPC status and the hub's
/// message, or <see cref="NotSent"/> and what the importer could not read.
/// </summary>
public sealed record RowFailure(int Line, string Reference, string Status, string Message)
{
    /// <summary>The status of a row the importer refused before sending it.</summary>
    public const string NotSent = "not sent";
}
