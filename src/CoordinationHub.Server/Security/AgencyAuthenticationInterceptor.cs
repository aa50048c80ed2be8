using System.Security.Claims;
using System.Text.Json;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Tokens;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CoordinationHub.Server.Security;

/// <summary>
/// Authenticates and authorizes every gRPC call before it reaches a service:
/// the connection's certificate must belong to an active agency (as the database says now, give
/// or take one second), the bearer token (validated by JwtBearer) must be bound to that very
/// certificate and issued to that agency, and the agency's current scopes, narrowed by the token's,
/// must include what the method requires (<see cref="MethodScopes"/>). Claims are read from the
/// database, not the token, so a change bites on the next call even while a token lives.
/// Every refusal is audited before it is answered.
/// </summary>
internal sealed class AgencyAuthenticationInterceptor(AgencyAdmission admission, IHttpContextAccessor httpContextAccessor, ILogger<AgencyAuthenticationInterceptor> logger)
    : IServerCallInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> continuation)
    {
        var certificate = context.Peer.ClientCertificate;
        var admitted = await admission.AdmitAsync(certificate, context.CancellationToken).ConfigureAwait(false);
        if (admitted.Refusal is { } refusal)
        {
            throw await RefuseAsync(context, admitted.Thumbprint, refusal).ConfigureAwait(false);
        }

        var grant = admitted.Grant!;
        var officer = context.RequestHeaders.GetValue(CallerContextExtensions.OfficerHeader) ?? string.Empty;
        if (officer.Length > 0 && !OfficerId.IsValid(officer))
        {
            throw await RefuseAsync(context, admitted.Thumbprint, new AccessRefusal(StatusCode.InvalidArgument,
                $"{CallerContextExtensions.OfficerHeader} must be 1-{OfficerId.MaxLength} characters of letters, digits and . _ - @ : +", grant.AgencyId)).ConfigureAwait(false);
        }

        IReadOnlySet<string> scopes;
        if (MethodScopes.IsStandardService(context.Method))
        {
            // Health and reflection: the certificate of an active agency suffices (ADR 0003).
            scopes = grant.Scopes;
        }
        else
        {
            var tokenCheck = await CheckTokenAsync(context, certificate!, grant).ConfigureAwait(false);
            if (tokenCheck.Refusal is { } tokenRefusal)
            {
                throw await RefuseAsync(context, admitted.Thumbprint, tokenRefusal).ConfigureAwait(false);
            }

            scopes = tokenCheck.Scopes;
            if (CheckScope(context.Method, grant, scopes) is { } scopeRefusal)
            {
                throw await RefuseAsync(context, admitted.Thumbprint, scopeRefusal).ConfigureAwait(false);
            }
        }

        context.SetCaller(new AuthenticatedAgency
        {
            AgencyId = grant.AgencyId,
            CertificateThumbprint = admitted.Thumbprint,
            Officer = officer,
            Kind = grant.Kind,
            Scopes = scopes,
            DataCategories = grant.DataCategories,
            Purposes = grant.Purposes,
        });
        await continuation(context).ConfigureAwait(false);
    }

    private async Task<TokenCheck> CheckTokenAsync(ServerCallContext context, X509Certificate2 certificate, AgencyGrant grant)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // The authentication middleware keeps only successes; the handler caches its result
            // per request, so asking again costs nothing and tells why the token failed.
            var http = httpContextAccessor.HttpContext;
            var failure = http is null ? null : (await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false)).Failure;
            return TokenCheck.Refused(AccessRefusal.Unauthenticated(BearerTokenFailures.Describe(failure), grant.AgencyId));
        }

        if (!CertificateBinding.Matches(ConfirmationOf(user), certificate))
        {
            return TokenCheck.Refused(AccessRefusal.Unauthenticated("the bearer token is bound to another client certificate", grant.AgencyId));
        }

        var tokenAgency = user.FindFirst(TokenClaimNames.ClientId)?.Value ?? user.FindFirst(TokenClaimNames.AuthorizedParty)?.Value;
        if (tokenAgency != grant.AgencyId)
        {
            return TokenCheck.Refused(AccessRefusal.Unauthenticated("the bearer token was issued to another agency than the certificate's", grant.AgencyId));
        }

        // The token may narrow the agency's scopes, never widen them: what the database grants now wins.
        var effective = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(TokenClaimNames.Scope))
        {
            foreach (var scope in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (grant.Scopes.Contains(scope))
                {
                    effective.Add(scope);
                }
            }
        }

        return TokenCheck.Accepted(effective);
    }

    private static AccessRefusal? CheckScope(IMethod method, AgencyGrant grant, IReadOnlySet<string> scopes)
    {
        if (!MethodScopes.TryGetRequiredScope(method, out var required))
        {
            return AccessRefusal.PermissionDenied($"{method.FullName} has no access rule and is refused to every agency", grant.AgencyId);
        }

        if (required == MethodScopes.AnyAuthenticatedAgency || scopes.Contains(required))
        {
            return null;
        }

        return grant.Scopes.Contains(required)
            ? AccessRefusal.PermissionDenied($"the bearer token does not carry scope {required}, which {method.FullName} requires", grant.AgencyId)
            : AccessRefusal.PermissionDenied($"agency {grant.AgencyId} lacks scope {required}, which {method.FullName} requires", grant.AgencyId);
    }

    private static string? ConfirmationOf(ClaimsPrincipal user)
    {
        var confirmation = user.FindFirst(TokenClaimNames.Confirmation)?.Value;
        if (confirmation is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(confirmation);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(TokenClaimNames.CertificateThumbprintConfirmation, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<RpcException> RefuseAsync(ServerCallContext context, string thumbprint, AccessRefusal refusal)
    {
        SecurityLog.CallRefused(logger, context.Method.FullName, refusal.Code, thumbprint, refusal.Message);
        var entry = context.AuditEntryFor(AuditDecision.Denied, target: string.Empty, reason: $"{refusal.Code}: {refusal.Message}") with
        {
            AgencyId = refusal.AgencyId,
            CertificateThumbprint = thumbprint,
            // An officer id that failed validation is not copied into the audit log.
            Officer = context.RequestHeaders.GetValue(CallerContextExtensions.OfficerHeader) is { } officer && OfficerId.IsValid(officer) ? officer : string.Empty,
        };
        try
        {
            // Not bound to the call: a client that hangs up must not erase its refusal.
            await context.Services.GetRequiredService<IAuditTrail>().AppendNowAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Failing to record a refusal must not turn it into an admission.
            SecurityLog.RefusalNotAudited(logger, context.Method.FullName, context.CallId, exception);
        }

        return refusal.ToRpcException();
    }

    private sealed record TokenCheck(AccessRefusal? Refusal, IReadOnlySet<string> Scopes)
    {
        public static TokenCheck Refused(AccessRefusal refusal) => new(refusal, new HashSet<string>());

        public static TokenCheck Accepted(IReadOnlySet<string> scopes) => new(null, scopes);
    }
}
