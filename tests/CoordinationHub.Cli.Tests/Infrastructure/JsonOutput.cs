using System.Text.Json;

namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>Reads values out of what hubctl printed with <c>-o json</c>.</summary>
public static class JsonOutput
{
    /// <summary>The string at <paramref name="path"/> (property names) in one JSON document.</summary>
    public static string StringAt(string json, params string[] path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element.GetString()!;
    }

    /// <summary>One document per non-empty line, as streaming commands print them.</summary>
    public static IReadOnlyList<JsonElement> Lines(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            })
            .ToList();
}
