using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Cli.Connection;

/// <summary>The channel to the hub every command uses, with the TLS material it was opened with.</summary>
internal sealed class HubConnection : IDisposable
{
    private readonly X509Certificate2Collection? _roots;
    private readonly X509Certificate2? _clientCertificate;

    private HubConnection(HubConnectionOptions options, RpcChannel channel, X509Certificate2Collection? roots, X509Certificate2? clientCertificate)
    {
        Options = options;
        Channel = channel;
        _roots = roots;
        _clientCertificate = clientCertificate;
    }

    public HubConnectionOptions Options { get; }

    public RpcChannel Channel { get; }

    public Uri Address => Options.Hub;

    /// <summary>Reads the PEM files and opens a channel; nothing is sent until the first call.</summary>
    /// <exception cref="CliUsageException">A file cannot be read or the options do not fit together.</exception>
    public static HubConnection Open(HubConnectionOptions options)
    {
        if (options.KeyFile is not null && options.CertificateFile is null)
        {
            throw new CliUsageException("--key needs --cert (or HUBCTL_CERT): the certificate the key belongs to.");
        }

        var isTls = options.Hub.Scheme == Uri.UriSchemeHttps;
        if (!isTls && (options.CaFile is not null || options.CertificateFile is not null))
        {
            throw new CliUsageException($"--ca, --cert and --key need an https:// hub address, not '{options.Hub}'.");
        }

        X509Certificate2Collection? roots = null;
        X509Certificate2? certificate = null;
        try
        {
            roots = isTls && options.CaFile is { } ca ? PemFiles.ReadTrustedRoots(ca) : null;
            certificate = isTls && options.CertificateFile is { } cert ? PemFiles.ReadClientCertificate(cert, options.KeyFile) : null;
            var channel = RpcChannel.ForAddress(options.Hub, new RpcChannelOptions { TrustedRoots = roots, ClientCertificate = certificate });
            return new HubConnection(options, channel, roots, certificate);
        }
        catch
        {
            Dispose(roots, certificate);
            throw;
        }
    }

    /// <summary>Options of one call: the deadline from <c>--timeout</c> unless <paramref name="withDeadline"/> is false.</summary>
    public CallOptions CallOptions(CancellationToken cancellationToken, bool withDeadline = true) => new()
    {
        Deadline = withDeadline ? DateTime.UtcNow + Options.Timeout : null,
        CancellationToken = cancellationToken,
    };

    public void Dispose()
    {
        Channel.Dispose();
        Dispose(_roots, _clientCertificate);
    }

    private static void Dispose(X509Certificate2Collection? roots, X509Certificate2? certificate)
    {
        foreach (var root in roots ?? [])
        {
            root.Dispose();
        }

        certificate?.Dispose();
    }
}
