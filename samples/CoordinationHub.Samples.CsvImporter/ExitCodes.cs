namespace CoordinationHub.Samples.CsvImporter;

/// <summary>What the importer's exit code tells the script that ran it.</summary>
public static class ExitCodes
{
    /// <summary>Every row is in the hub (created, attached, or already there).</summary>
    public const int Ok = 0;

    /// <summary>Some rows were not imported; the summary lists them by line. The others are in.</summary>
    public const int RowsFailed = 1;

    /// <summary>Nothing was sent: an option, the certificate or the file's header is wrong.</summary>
    public const int Unusable = 2;

    /// <summary>The import stopped early: the hub refused the agency itself or stayed unreachable, or it was cancelled.</summary>
    public const int Stopped = 3;
}
