using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Client;

/// <summary>Configures a <see cref="HubConnection"/>: the agency's certificate, the roots the hub's certificate must chain to, and the acting officer.</summary>
public sealed class HubConnectionBuilder
{
    private readonly Uri _address;
    private X509Certificate2? _certificate;
    private X509Certificate2Collection? _trustedRoots;
    private string? _agencyId;
    private string? _officerId;
    private TimeProvider _time = TimeProvider.System;

    internal HubConnectionBuilder(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The hub is reached over https (mutual TLS), not '{address}'.", nameof(address));
        }

        _address = address;
    }

    /// <summary>The agency's client certificate with its private key (required); the connection does not dispose it.</summary>
    public HubConnectionBuilder WithClientCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _certificate = certificate.HasPrivateKey ? certificate : throw new ArgumentException("The client certificate has no private key.", nameof(certificate));
        return this;
    }

    /// <summary>The only roots the hub's certificate may chain to; without them the system trust store decides.</summary>
    public HubConnectionBuilder WithTrustedRoots(X509Certificate2Collection trustedRoots)
    {
        _trustedRoots = trustedRoots;
        return this;
    }

    /// <summary>
    /// The agency the certificate is registered to. Default: the certificate's common name, which is
    /// the agency id in every certificate the hub's CA issues.
    /// </summary>
    public HubConnectionBuilder WithAgencyId(string agencyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agencyId);
        _agencyId = agencyId;
        return this;
    }

    /// <summary>The officer acting through this connection, sent as <c>x-officer-id</c> on every call and named in the hub's audit log.</summary>
    public HubConnectionBuilder WithOfficer(string officerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(officerId);
        _officerId = officerId;
        return this;
    }

    /// <summary>The clock that decides when tokens are renewed (tests).</summary>
    public HubConnectionBuilder WithTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        return this;
    }

    /// <summary>Creates the connection; nothing is sent until the first call.</summary>
    /// <exception cref="InvalidOperationException">No client certificate was given: the hub admits no call without one.</exception>
    public HubConnection Build()
    {
        var certificate = _certificate ?? throw new InvalidOperationException("The hub admits no call without a client certificate: call WithClientCertificate first.");
        var agencyId = _agencyId ?? certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrEmpty(agencyId))
        {
            throw new InvalidOperationException("The client certificate has no common name; call WithAgencyId with the agency it is registered to.");
        }

        return new HubConnection(_address, certificate, _trustedRoots, agencyId, _officerId, _time);
    }
}
