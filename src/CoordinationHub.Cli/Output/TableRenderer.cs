using Spectre.Console;
using Spectre.Console.Rendering;

namespace CoordinationHub.Cli.Output;

/// <summary>Human-readable output with Spectre.Console tables.</summary>
internal sealed class TableRenderer(IAnsiConsole console) : IOutputRenderer
{
    public void WriteObject<T>(T item, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders();
        table.AddColumn(new TableColumn(string.Empty).NoWrap());
        table.AddColumn(new TableColumn(string.Empty));
        foreach (var column in view.Columns)
        {
            table.AddRow(new Text(column.Header, new Style(decoration: Decoration.Bold)), new Text(column.Value(item)));
        }

        console.Write(table);
    }

    public void WriteList<T>(IReadOnlyList<T> items, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(view);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in view.Columns)
        {
            table.AddColumn(new TableColumn(new Text(column.Header, new Style(decoration: Decoration.Bold))));
        }

        // Rules between rows only when a cell spans several lines; otherwise they are clutter.
        var multiLine = false;
        foreach (var item in items)
        {
            var cells = view.Columns.Select(column => column.Value(item)).ToList();
            multiLine |= cells.Any(cell => cell.Contains('\n', StringComparison.Ordinal));
            table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));
        }

        if (multiLine)
        {
            table.ShowRowSeparators();
        }

        if (items.Count == 0)
        {
            table.Caption("(none)");
        }

        console.Write(table);
    }

    public void WriteEvent<T>(T item, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        console.WriteLine(string.Join("  ", view.Columns.Select(column => $"{column.Header}: {column.Value(item)}")));
    }
}
