using System.Text.Json.Nodes;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// <c>POST /connect/token</c>: OAuth 2.0 client credentials, the client authenticated by its TLS
/// certificate (RFC 8705 <c>tls_client_auth</c>). Every answer, issued or refused, is audited.
/// </summary>
internal sealed class TokenEndpoint(AgencyAdmission admission, AccessTokenIssuer issuer, IAuditTrail audit, ILogger<TokenEndpoint> logger)
{
    public const string Path = "/connect/token";
    private const string ClientCredentials = "client_credentials";

    public async Task HandleAsync(HttpContext http)
    {
        var certificate = http.Connection.ClientCertificate;
        var result = await admission.AdmitAsync(certificate, http.RequestAborted).ConfigureAwait(false);
        var entry = new AuditEntry
        {
            Method = Path,
            Decision = AuditDecision.Denied,
            AgencyId = result.Refusal?.AgencyId ?? result.Grant?.AgencyId ?? string.Empty,
            CertificateThumbprint = result.Thumbprint,
            CallId = http.TraceIdentifier,
        };

        if (!http.Request.HasFormContentType)
        {
            await RefuseAsync(http, entry, StatusCodes.Status400BadRequest, OAuthErrors.InvalidRequest, "the request must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        if (grantType != ClientCredentials)
        {
            var (error, description) = string.IsNullOrEmpty(grantType)
                ? (OAuthErrors.InvalidRequest, "grant_type is required")
                : (OAuthErrors.UnsupportedGrantType, "only grant_type=client_credentials is supported");
            await RefuseAsync(http, entry, StatusCodes.Status400BadRequest, error, description).ConfigureAwait(false);
            return;
        }

        if (result.Refusal is { } refusal)
        {
            var (status, error) = refusal.Code == StatusCode.PermissionDenied
                ? (StatusCodes.Status400BadRequest, OAuthErrors.UnauthorizedClient)
                : (StatusCodes.Status401Unauthorized, OAuthErrors.InvalidClient);
            await RefuseAsync(http, entry, status, error, refusal.Message).ConfigureAwait(false);
            return;
        }

        var grant = result.Grant!;
        var clientId = form["client_id"].ToString();
        if (clientId != grant.AgencyId)
        {
            var description = string.IsNullOrEmpty(clientId)
                ? "client_id is required (tls_client_auth)"
                : "client_id does not match the agency of the TLS client certificate";
            await RefuseAsync(http, entry, StatusCodes.Status401Unauthorized, OAuthErrors.InvalidClient, description).ConfigureAwait(false);
            return;
        }

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var notGranted = requested.Where(s => !grant.Scopes.Contains(s)).ToList();
        if (notGranted.Count > 0)
        {
            await RefuseAsync(http, entry, StatusCodes.Status400BadRequest, OAuthErrors.InvalidScope,
                $"scope {string.Join(' ', notGranted)} is not granted to agency {grant.AgencyId}").ConfigureAwait(false);
            return;
        }

        // No scope parameter: every granted scope (RFC 6749 section 3.3 lets the server choose).
        IReadOnlyCollection<string> scopes = requested.Length > 0
            ? [.. requested.Distinct(StringComparer.Ordinal)]
            : [.. grant.Scopes.Order(StringComparer.Ordinal)];
        var token = await issuer.IssueAsync(grant, scopes, certificate!, http.RequestAborted).ConfigureAwait(false);
        await audit.AppendNowAsync(entry with
        {
            Decision = AuditDecision.Allowed,
            Target = $"agency:{grant.AgencyId}",
            Reason = $"access token issued (key {token.KeyId}, scope '{string.Join(' ', scopes)}', expires {token.ExpiresAt:O})",
        }, CancellationToken.None).ConfigureAwait(false);
        TokenLog.TokenIssued(logger, grant.AgencyId, result.Thumbprint, token.KeyId, token.ExpiresAt);

        await WriteJsonAsync(http, StatusCodes.Status200OK, new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)token.Lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        }).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext http, AuditEntry entry, int status, string error, string description)
    {
        // Audited before answering and whatever the client does next (no request cancellation).
        await audit.AppendNowAsync(entry with { Reason = $"{error}: {description}" }, CancellationToken.None).ConfigureAwait(false);
        TokenLog.TokenRefused(logger, error, description);
        await WriteJsonAsync(http, status, new JsonObject { ["error"] = error, ["error_description"] = description }).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        // RFC 6749 section 5.1: token responses must not be cached.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
