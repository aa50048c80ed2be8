using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using AgencyConnection = CoordinationHub.Client.HubConnection;

namespace CoordinationHub.Cli.Connection;

/// <summary>
/// The channel to the hub every command uses, with the TLS material it was opened with. With a
/// client certificate it is an agency connection of the adapter SDK (CoordinationHub.Client), so
/// hubctl fetches and presents tokens exactly as an adapter does.
/// </summary>
internal sealed class HubConnection : IDisposable
{
    private readonly X509Certificate2Collection? _roots;
    private readonly X509Certificate2? _clientCertificate;
    private readonly AgencyConnection? _agency;

    private HubConnection(HubConnectionOptions options, RpcChannel channel, AgencyConnection? agency, X509Certificate2Collection? roots, X509Certificate2? clientCertificate)
    {
        Options = options;
        Channel = channel;
        _agency = agency;
        _roots = roots;
        _clientCertificate = clientCertificate;
    }

    public HubConnectionOptions Options { get; }

    /// <summary>The channel, for calls that need the certificate but no token (health, reflection).</summary>
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
            if (certificate is null)
            {
                var channel = RpcChannel.ForAddress(options.Hub, new RpcChannelOptions { TrustedRoots = roots });
                return new HubConnection(options, channel, agency: null, roots, certificate);
            }

            var agency = OpenAgency(options, certificate, roots);
            return new HubConnection(options, agency.Channel, agency, roots, certificate);
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

    /// <summary>
    /// A <c>coordination.v1</c> call as the agency of <c>--cert</c>: a token from the hub (cached for
    /// this run), <c>authorization</c> and the officer attached. The deadline covers both.
    /// </summary>
    /// <exception cref="CliUsageException">No client certificate was given.</exception>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var agency = AgencyFor(method.FullName);
        return agency.UnaryAsync(method, request, CallOptions(cancellationToken));
    }

    /// <summary>
    /// Every item of a paged list (AIP-158): the call is repeated with each <c>next_page_token</c>
    /// as the request's <c>page_token</c> until the hub answers with none.
    /// </summary>
    /// <exception cref="CliUsageException">No client certificate was given.</exception>
    public async Task<List<TItem>> ListAllAsync<TRequest, TResponse, TItem>(
        Method<TRequest, TResponse> method, TRequest request, Func<TResponse, IEnumerable<TItem>> items, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        var pageToken = PagingField(request.Descriptor, "page_token");
        var all = new List<TItem>();
        string next;
        do
        {
            var page = await UnaryAsync(method, request, cancellationToken).ConfigureAwait(false);
            all.AddRange(items(page));
            next = (string)PagingField(page.Descriptor, "next_page_token").Accessor.GetValue(page);
            pageToken.Accessor.SetValue(request, next);
        }
        while (next.Length > 0);

        return all;
    }

    /// <summary>
    /// A server-streaming <c>coordination.v1</c> call as the agency of <c>--cert</c>, with no
    /// deadline: a subscription lasts as long as the operator wants it.
    /// </summary>
    /// <exception cref="CliUsageException">No client certificate was given.</exception>
    public IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        AgencyFor(method.FullName).ServerStreamingAsync(method, request, CallOptions(cancellationToken, withDeadline: false));

    /// <summary>An access token for the agency of <c>--cert</c> (for <c>hubctl token</c>).</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var agency = _agency ?? throw new CliUsageException("a token is issued only to a registered agency's client certificate: give --cert and --key (HUBCTL_CERT, HUBCTL_KEY).");
        var options = await agency.WithCredentialsAsync(CallOptions(cancellationToken)).ConfigureAwait(false);
        return options.Headers!.GetValue("authorization")!["Bearer ".Length..];
    }

    public void Dispose()
    {
        if (_agency is not null)
        {
            // The agency connection owns the channel.
            _agency.Dispose();
        }
        else
        {
            Channel.Dispose();
        }

        Dispose(_roots, _clientCertificate);
    }

    private static FieldDescriptor PagingField(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? throw new InvalidOperationException($"{message.FullName} has no {name}: it is not a paged list.");

    private AgencyConnection AgencyFor(string methodName) => _agency ?? throw new CliUsageException(
        $"{methodName} needs a token, and the hub issues tokens only to a registered agency's client certificate: give --cert and --key (HUBCTL_CERT, HUBCTL_KEY).");

    private static AgencyConnection OpenAgency(HubConnectionOptions options, X509Certificate2 certificate, X509Certificate2Collection? roots)
    {
        var builder = AgencyConnection.ForAddress(options.Hub).WithClientCertificate(certificate);
        if (roots is not null)
        {
            builder.WithTrustedRoots(roots);
        }

        if (options.AgencyId is { } agencyId)
        {
            builder.WithAgencyId(agencyId);
        }

        if (options.OfficerId is { } officerId)
        {
            builder.WithOfficer(officerId);
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException ex)
        {
            throw new CliUsageException($"--cert: {ex.Message} Give --agency (HUBCTL_AGENCY).", ex);
        }
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
