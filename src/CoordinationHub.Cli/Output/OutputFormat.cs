namespace CoordinationHub.Cli.Output;

/// <summary>The values of <c>--output</c>.</summary>
internal enum OutputFormat
{
    /// <summary>Tables for people.</summary>
    Table,

    /// <summary>JSON for scripts: one document per result, one line per event of a stream.</summary>
    Json,
}
