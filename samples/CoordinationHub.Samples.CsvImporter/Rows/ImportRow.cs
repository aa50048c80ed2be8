using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>A row that reads well, as the report it becomes.</summary>
public sealed record ImportRow(int Line, string Reference, ReportMissingPersonRequest Request);
