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

    /// <summary>How an audit target names a hub case.</summary>
    public const string CaseTargetPrefix = "case:";

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
            CaseId = CaseOf(target),
            Reason = reason,
            CallId = context.CallId,
        };
    }

    /// <summary>
    /// The case a target of the form <c>case:MP-…</c> names. Filled here, once, so that an auditor's
    /// query by case finds every call about it (reads, writes and denials alike) without each
    /// service having to remember it.
    /// </summary>
    private static string CaseOf(string target) =>
        target.StartsWith(CaseTargetPrefix, StringComparison.Ordinal) ? target[CaseTargetPrefix.Length..] : string.Empty;
}
