using System.Text.Json.Nodes;
using Google.Protobuf;

namespace CoordinationHub.Cli.Output;

/// <summary>Protobuf messages as JSON, in the canonical proto3 mapping that buf curl and grpcurl print.</summary>
internal static class ProtoJson
{
    // Default values printed too: a script must see "status": "UNKNOWN" rather than a missing key.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static JsonObject ToJson(IMessage message) =>
        JsonNode.Parse(Formatter.Format(message))?.AsObject() ?? [];
}
