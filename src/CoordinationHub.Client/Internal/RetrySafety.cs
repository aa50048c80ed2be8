using CoordinationHub.Rpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// Decides whether a failed call may be sent again. Only UNAVAILABLE is retried (the hub could not
/// be reached or went away), and only when repeating cannot do a thing twice: the call is a read,
/// or a write whose request carries a non-empty <c>request_id</c>, which the hub uses to return the
/// first result instead of acting again. A write without one may already have been carried out when
/// the connection broke, so it is left to the adapter. Everything else (DEADLINE_EXCEEDED,
/// INVALID_ARGUMENT, PERMISSION_DENIED, ...) would fail the same way again.
/// </summary>
internal static class RetrySafety
{
    /// <summary>The name of the idempotency key field (AIP-155).</summary>
    public const string RequestIdField = "request_id";

    // AIP standard and custom read methods; every method of coordination.v1 that changes nothing.
    private static readonly string[] ReadPrefixes = ["Get", "List", "Search", "Query", "Export", "Verify"];

    public static bool MayRetryUnavailable(StatusCode status, IMethod method, IMessage request) =>
        status == StatusCode.Unavailable && IsSafeToRepeat(method, request);

    public static bool IsSafeToRepeat(IMethod method, IMessage request) => IsRead(method) || CarriesRequestId(request);

    /// <summary>
    /// A read changes nothing (the hub audits each one, so a repeated read is logged twice, as it
    /// happened). The proto's <c>idempotency_level</c>, when set, decides; otherwise the AIP verb.
    /// </summary>
    public static bool IsRead(IMethod method)
    {
        var level = method.Descriptor?.GetOptions()?.IdempotencyLevel ?? MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown;
        return level switch
        {
            MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent => true,
            _ => ReadPrefixes.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal)),
        };
    }

    /// <summary>True when the request message has a string field <c>request_id</c> and it is set.</summary>
    public static bool CarriesRequestId(IMessage request)
    {
        var field = request.Descriptor.FindFieldByName(RequestIdField);
        return field is { FieldType: FieldType.String, IsRepeated: false }
            && field.Accessor.GetValue(request) is string { Length: > 0 };
    }
}
