using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Hosting;

/// <summary>The hub's TLS endpoint (section <c>Hub:Tls</c>). A hub without a certificate must not start.</summary>
public sealed class HubTlsOptions
{
    public const string Section = "Hub:Tls";

    /// <summary>Port of the gRPC endpoint (HTTP/2 over TLS).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7443;

    /// <summary>Address to bind: <c>localhost</c> for loopback only, <c>*</c> for every interface.</summary>
    [Required]
    public string Bind { get; set; } = "localhost";

    /// <summary>PEM file of the server certificate (with its chain).</summary>
    [Required]
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>PEM file of the server certificate's private key.</summary>
    [Required]
    public string PrivateKeyPath { get; set; } = string.Empty;

    /// <summary>
    /// PEM file of the hub CA (one or more certificates) that every client certificate must chain
    /// to. Only these roots are trusted for clients; the system store never is.
    /// </summary>
    [Required]
    public string ClientCaPath { get; set; } = string.Empty;
}
