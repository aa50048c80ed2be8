namespace CoordinationHub.Rpc.Internal;

/// <summary>Names and values fixed by grpc/grpc <c>doc/PROTOCOL-HTTP2.md</c>.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TeHeader = "te";
    public const string UserAgentHeader = "user-agent";
    public const string MessageAcceptEncodingHeader = "grpc-accept-encoding";
    public const string IdentityEncoding = "identity";

    /// <summary>The 5-byte prefix of every message: compressed flag + big-endian length.</summary>
    public const int HeaderSize = 5;

    /// <summary>Default largest message a peer accepts, as in every mainstream implementation.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// True for <c>application/grpc</c> alone or followed by <c>+proto</c> or <c>;params</c>. Other
    /// subtypes (<c>+json</c>) and <c>application/grpc-web*</c> are not ours to serve.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        if (rest.IsEmpty || rest[0] == ';')
        {
            return true;
        }

        if (rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["+proto".Length..];
            return rest.IsEmpty || rest[0] == ';';
        }

        return false;
    }

    /// <summary>Headers that are part of the protocol and never surface as call metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) && !name.Equals(StatusDetailsHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals(TeHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase);
}
