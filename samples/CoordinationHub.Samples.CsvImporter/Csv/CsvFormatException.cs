namespace CoordinationHub.Samples.CsvImporter.Csv;

/// <summary>The file is not CSV past a point (an unterminated quote): nothing after it can be trusted.</summary>
public sealed class CsvFormatException(string message) : Exception(message);
