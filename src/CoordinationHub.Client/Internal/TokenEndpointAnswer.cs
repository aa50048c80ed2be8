using System.Net;
using System.Text.Json;
using CoordinationHub.Rpc;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// Reads the token endpoint's JSON (RFC 6749 section 5) and turns a refusal into the gRPC status an
/// adapter already handles for calls: the token is the first step of every call, and one error
/// model is easier to get right than two.
/// </summary>
internal static class TokenEndpointAnswer
{
    public static (string AccessToken, TimeSpan Lifetime) Read(HttpStatusCode status, string body)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new RpcException(CodeForStatus(status), $"token endpoint answered HTTP {(int)status} without a JSON body.");
        }

        if (status == HttpStatusCode.OK
            && Text(json, "access_token") is { Length: > 0 } token
            && json.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) && seconds > 0)
        {
            return (token, TimeSpan.FromSeconds(seconds));
        }

        var error = Text(json, "error");
        if (error is null)
        {
            throw new RpcException(CodeForStatus(status), $"token endpoint answered HTTP {(int)status} without a usable token.");
        }

        var description = Text(json, "error_description");
        throw new RpcException(CodeForError(error), description is null ? $"token refused: {error}" : $"token refused: {error}: {description}");
    }

    // unauthorized_client is what the hub answers a suspended or revoked agency (a known client
    // that may not have a token): PERMISSION_DENIED, as its calls would get. invalid_client is an
    // unknown, revoked or expired certificate, or a client_id that is not its agency.
    private static StatusCode CodeForError(string error) => error switch
    {
        "invalid_client" => StatusCode.Unauthenticated,
        "unauthorized_client" or "invalid_scope" => StatusCode.PermissionDenied,
        "invalid_request" or "unsupported_grant_type" => StatusCode.InvalidArgument,
        _ => StatusCode.Unknown,
    };

    private static StatusCode CodeForStatus(HttpStatusCode status) => (int)status switch
    {
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        >= 500 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
