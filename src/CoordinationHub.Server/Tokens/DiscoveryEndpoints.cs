using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// <c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>: how other verifiers
/// find the token endpoint and the public keys (every key that still verifies, so tokens signed
/// by a retired key keep validating elsewhere too).
/// </summary>
internal static class DiscoveryEndpoints
{
    public const string ConfigurationPath = "/.well-known/openid-configuration";
    public const string KeysPath = "/.well-known/jwks.json";

    public static async Task WriteConfigurationAsync(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<HubTokenOptions>>().Value;
        var issuer = settings.Issuer.TrimEnd('/');
        await WriteAsync(http, new JsonObject
        {
            ["issuer"] = settings.Issuer,
            ["token_endpoint"] = issuer + TokenEndpoint.Path,
            ["jwks_uri"] = issuer + KeysPath,
            ["grant_types_supported"] = new JsonArray("client_credentials"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("tls_client_auth"),
            ["tls_client_certificate_bound_access_tokens"] = true,
            ["response_types_supported"] = new JsonArray("token"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SigningKey.Algorithm),
        }).ConfigureAwait(false);
    }

    public static async Task WriteKeysAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<SigningKeyStore>();
        // A fresh hub publishes its first key at once rather than an empty set.
        await store.GetSigningKeyAsync(http.RequestAborted).ConfigureAwait(false);
        await store.EnsureKnownAsync(null, http.RequestAborted).ConfigureAwait(false);
        var keys = new JsonArray();
        foreach (var key in store.VerificationKeys)
        {
            keys.Add(new JsonObject
            {
                ["kty"] = "EC",
                ["use"] = "sig",
                ["alg"] = SigningKey.Algorithm,
                ["kid"] = key.KeyId,
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(key.PublicParameters.Q.X),
                ["y"] = Base64UrlEncoder.Encode(key.PublicParameters.Q.Y),
            });
        }

        await WriteAsync(http, new JsonObject { ["keys"] = keys }).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext http, JsonObject body)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
