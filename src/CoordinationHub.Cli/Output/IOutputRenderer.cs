namespace CoordinationHub.Cli.Output;

/// <summary>Prints results in the format chosen with <c>--output</c>.</summary>
internal interface IOutputRenderer
{
    /// <summary>One result: a property table, or one JSON object.</summary>
    void WriteObject<T>(T item, OutputView<T> view);

    /// <summary>A list: a table with a row per item, or a JSON array (empty lists included).</summary>
    void WriteList<T>(IReadOnlyList<T> items, OutputView<T> view);

    /// <summary>One event of a stream, printed at once: a line of text, or one compact JSON line (JSON Lines).</summary>
    void WriteEvent<T>(T item, OutputView<T> view);
}
