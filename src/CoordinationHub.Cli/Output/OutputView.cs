using System.Text.Json.Nodes;

namespace CoordinationHub.Cli.Output;

/// <summary>
/// How one kind of result is shown: the columns a table gives it and the JSON a script gets. A
/// command defines a view once and hands results to whichever <see cref="IOutputRenderer"/> the
/// user chose, so table and JSON never drift apart in what they contain.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
internal sealed class OutputView<T>(IReadOnlyList<OutputColumn<T>> columns, Func<T, JsonNode?> toJson)
{
    public IReadOnlyList<OutputColumn<T>> Columns { get; } = columns;

    public JsonNode? ToJson(T item) => toJson(item);
}
