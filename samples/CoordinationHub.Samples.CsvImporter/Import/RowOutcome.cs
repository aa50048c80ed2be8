namespace CoordinationHub.Samples.CsvImporter.Import;

/// <summary>What became of one row.</summary>
public enum RowOutcome
{
    /// <summary>The hub opened a new case.</summary>
    Created,

    /// <summary>The report was attached to the hub case the row named.</summary>
    Attached,

    /// <summary>An earlier run already imported the row; the hub wrote nothing now.</summary>
    Replayed,

    /// <summary>Not imported: the row could not be read, or the hub refused it.</summary>
    Failed,

    /// <summary>Not attempted, or cancelled in flight: the import stopped (Ctrl-C, the hub refused the agency or stayed unreachable).</summary>
    NotAttempted,
}
