using System.Net;
using System.Text.Json;

namespace CoordinationHub.Testing.Hub;

/// <summary>The token endpoint's answer: HTTP status and JSON body.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;

    public string? Description => Body.TryGetProperty("error_description", out var description) ? description.GetString() : null;
}
