using CoordinationHub.Rpc;

namespace CoordinationHub.Server.Security;

/// <summary>
/// Why a caller is turned away, in words safe to send back: the status it gets, the message, and
/// the agency when it is known (for the audit entry, never for the response).
/// </summary>
/// <param name="Code">UNAUTHENTICATED (who are you?), PERMISSION_DENIED (known, not allowed) or INVALID_ARGUMENT.</param>
/// <param name="Message">What the caller and the auditor read. Names no internals.</param>
/// <param name="AgencyId">The agency behind the certificate, when the database knows it.</param>
public sealed record AccessRefusal(StatusCode Code, string Message, string AgencyId = "")
{
    public static AccessRefusal Unauthenticated(string message, string agencyId = "") => new(StatusCode.Unauthenticated, message, agencyId);

    public static AccessRefusal PermissionDenied(string message, string agencyId) => new(StatusCode.PermissionDenied, message, agencyId);

    public RpcException ToRpcException() => new(Code, Message);
}
