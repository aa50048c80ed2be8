namespace CoordinationHub.Samples.CsvImporter.Csv;

/// <summary>One record of a CSV file and the line it starts on (1 is the header), as a clerk finds it in an editor.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
