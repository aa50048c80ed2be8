namespace CoordinationHub.Rpc;

/// <summary>The outcome of a call: a status code and a human-readable detail.</summary>
/// <param name="Code">The gRPC status code.</param>
/// <param name="Detail">A developer-facing message; never personal data of a case.</param>
public readonly record struct RpcStatus(StatusCode Code, string Detail)
{
    /// <summary>The successful status with an empty detail.</summary>
    public static RpcStatus Ok => new(StatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{Code}\", Detail=\"{Detail}\")";
}
