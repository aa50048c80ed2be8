using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Rpc.Server;

/// <summary>Options of the gRPC server layer (section <c>Rpc</c>).</summary>
public sealed class RpcServerOptions
{
    /// <summary>Largest request message accepted, in bytes; larger ones get RESOURCE_EXHAUSTED.</summary>
    [Range(1, int.MaxValue)]
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes; larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>
    /// Encoding for response messages when the client accepts it (<c>gzip</c> or <c>deflate</c>), or null to
    /// answer uncompressed unless a service method asks otherwise.
    /// </summary>
    public string? ResponseCompression { get; set; }
}
