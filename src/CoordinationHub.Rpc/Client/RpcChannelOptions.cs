using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Internal;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Client;

/// <summary>Settings of an <see cref="RpcChannel"/>: TLS identity and trust, message size limits, transport tuning.</summary>
public sealed class RpcChannelOptions
{
    /// <summary>The client certificate (with its private key) presented during the TLS handshake, for mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>
    /// When set, the server certificate must chain to one of these roots (and only these); the
    /// system trust store is not consulted. When null, the system trust store decides.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; set; }

    /// <summary>The largest response message accepted, in bytes, after decompression. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>The largest request message sent, in bytes, after compression. Default unlimited.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>
    /// Replaces the transport entirely, for tests or custom stacks. The channel does not dispose it,
    /// and it cannot be combined with <see cref="ClientCertificate"/> or <see cref="TrustedRoots"/>,
    /// which configure the channel's own handler.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Where the channel logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Opens further HTTP/2 connections when a connection reaches the server's limit on concurrent
    /// streams (100 on Kestrel), instead of queueing calls.
    /// </summary>
    public bool EnableMultipleHttp2Connections { get; set; } = true;

    /// <summary>
    /// Interval of HTTP/2 PING frames on connections with active calls, to detect dead peers. Null
    /// disables pings. Keep it at minutes: C-core servers close connections that ping too often.
    /// </summary>
    public TimeSpan? KeepAlivePingDelay { get; set; }

    /// <summary>The clock of deadlines; replaced in tests to control time.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
