namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>A row the importer cannot send as it is; the message names the column and the value.</summary>
public sealed class RowProblemException(string message) : Exception(message);
