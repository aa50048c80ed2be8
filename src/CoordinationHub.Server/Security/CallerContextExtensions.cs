using CoordinationHub.Rpc;
using CoordinationHub.Server.Audit;

namespace CoordinationHub.Server.Security;

/// <summary>The seam between authentication and the services: the caller travels in the call's items.</summary>
public static class CallerContextExtensions
{
    private static readonly object CallerKey = typeof(AuthenticatedAgency);

    /// <summary>Request metadata naming the acting officer, for the audit log.</summary>
    public const string OfficerHeader = "x-officer-id";

    public static void SetCaller(this ServerCallContext context, AuthenticatedAgency caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[CallerKey] = caller;
    }

    /// <summary>The authenticated caller, or null before authentication has run (or when it failed).</summary>
    public static AuthenticatedAgency? FindCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(CallerKey, out var value) ? value as AuthenticatedAgency : null;
    }

    /// <summary>
    /// The authenticated caller. Every hub service runs behind the authentication interceptor, so a
    /// missing caller is a wiring bug, not a client error.
    /// </summary>
    public static AuthenticatedAgency GetCaller(this ServerCallContext context) =>
        context.FindCaller() ?? throw new InvalidOperationException($"No authenticated caller on {context.Method.FullName}: the authentication interceptor did not run.");

    /// <summary>An audit entry for this call, filled with whatever is known about the caller.</summary>
    public static AuditEntry AuditEntryFor(this ServerCallContext context, AuditDecision decision, string target, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.FindCaller();
        return new AuditEntry
        {
            Method = context.Method.FullName,
            Decision = decision,
            AgencyId = caller?.AgencyId ?? string.Empty,
            CertificateThumbprint = caller?.CertificateThumbprint ?? CertificateThumbprints.Of(context.Peer.ClientCertificate),
            Officer = caller?.Officer ?? context.RequestHeaders.GetValue(OfficerHeader) ?? string.Empty,
            Target = target,
            Reason = reason,
            CallId = context.CallId,
        };
    }
}
