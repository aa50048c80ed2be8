using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoordinationHub.Cli.Output;

/// <summary>Machine-readable output: indented JSON documents, JSON Lines for streams.</summary>
internal sealed class JsonRenderer(TextWriter output) : IOutputRenderer
{
    // Relaxed escaping: the output goes to terminals and scripts, never into HTML, and a version
    // such as 1.0.0+abc must not come out as 1.0.0\u002Babc.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void WriteObject<T>(T item, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        output.WriteLine(Serialize(view.ToJson(item), Indented));
    }

    public void WriteList<T>(IReadOnlyList<T> items, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(view);
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(view.ToJson(item));
        }

        output.WriteLine(Serialize(array, Indented));
    }

    public void WriteEvent<T>(T item, OutputView<T> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        output.WriteLine(Serialize(view.ToJson(item), Compact));
        // A consumer reading a pipe acts on each event as it comes, not when the buffer fills.
        output.Flush();
    }

    private static string Serialize(JsonNode? node, JsonSerializerOptions options) =>
        node is null ? "null" : node.ToJsonString(options);
}
