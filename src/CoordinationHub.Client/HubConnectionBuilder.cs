using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Client.Internal;

namespace CoordinationHub.Client;

/// <summary>
/// Configures a <see cref="HubConnection"/>: the agency's certificate (an object, PEM files or a
/// PKCS#12 file), the roots the hub's certificate must chain to, the acting officer, the default
/// deadline of unary calls and how unavailable calls are retried.
/// </summary>
public sealed class HubConnectionBuilder
{
    /// <summary>The deadline of a unary call that names none: 30 seconds.</summary>
    public static readonly TimeSpan DefaultUnaryDeadline = TimeSpan.FromSeconds(30);

    private readonly Uri _address;
    private Func<X509Certificate2>? _certificate;
    private bool _ownsCertificate;
    private Func<X509Certificate2Collection>? _trustedRoots;
    private string? _agencyId;
    private string? _officerId;
    private TimeSpan? _defaultDeadline = DefaultUnaryDeadline;
    private HubRetryOptions _retries = HubRetryOptions.Default;
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

    /// <summary>The agency's client certificate with its private key; the connection does not dispose it.</summary>
    public HubConnectionBuilder WithClientCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var withKey = certificate.HasPrivateKey ? certificate : throw new ArgumentException("The client certificate has no private key.", nameof(certificate));
        return UseCertificate(() => withKey, owned: false);
    }

    /// <summary>The agency's client certificate from PEM files: the certificate and its PKCS#8 private key (read at <see cref="Build"/>).</summary>
    public HubConnectionBuilder WithClientCertificatePem(string certificatePath, string keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        ArgumentException.ThrowIfNullOrEmpty(keyPath);
        return UseCertificate(() => CertificateFiles.ReadPem(certificatePath, keyPath), owned: true);
    }

    /// <summary>The agency's client certificate from a PKCS#12 (.p12, .pfx) file with its password (read at <see cref="Build"/>).</summary>
    public HubConnectionBuilder WithClientCertificatePkcs12(string path, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return UseCertificate(() => CertificateFiles.ReadPkcs12(path, password), owned: true);
    }

    /// <summary>The only roots the hub's certificate may chain to; without them the system trust store decides.</summary>
    public HubConnectionBuilder WithTrustedRoots(X509Certificate2Collection trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(trustedRoots);
        _trustedRoots = () => trustedRoots;
        return this;
    }

    /// <summary>The only roots the hub's certificate may chain to, from a PEM file (read at <see cref="Build"/>).</summary>
    public HubConnectionBuilder WithTrustedRootsPem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _trustedRoots = () => CertificateFiles.ReadRootsPem(path);
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

    /// <summary>
    /// The deadline of a unary call that sets none (<see cref="DefaultUnaryDeadline"/> unless
    /// changed; null for none). It covers the token request and every retry. Streams get none.
    /// </summary>
    public HubConnectionBuilder WithDefaultDeadline(TimeSpan? timeout)
    {
        if (timeout is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(timeout));
        }

        _defaultDeadline = timeout;
        return this;
    }

    /// <summary>How UNAVAILABLE is retried on calls that are safe to repeat (<see cref="HubRetryOptions.Default"/> unless changed).</summary>
    public HubConnectionBuilder WithRetries(HubRetryOptions retries)
    {
        ArgumentNullException.ThrowIfNull(retries);
        retries.Validate();
        _retries = retries;
        return this;
    }

    /// <summary>At most <paramref name="maxAttempts"/> attempts (1: never retry), with the default backoff.</summary>
    public HubConnectionBuilder WithRetries(int maxAttempts) => WithRetries(HubRetryOptions.Default with { MaxAttempts = maxAttempts });

    /// <summary>The clock that decides when tokens are renewed (tests).</summary>
    public HubConnectionBuilder WithTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        return this;
    }

    /// <summary>Reads the certificate files and creates the connection; nothing is sent until the first call.</summary>
    /// <exception cref="InvalidOperationException">No client certificate was given: the hub admits no call without one.</exception>
    /// <exception cref="ArgumentException">A certificate or root file cannot be read.</exception>
    public HubConnection Build()
    {
        var load = _certificate ?? throw new InvalidOperationException("The hub admits no call without a client certificate: call WithClientCertificate, WithClientCertificatePem or WithClientCertificatePkcs12 first.");
        var trustedRoots = _trustedRoots?.Invoke();
        var certificate = load();
        try
        {
            var agencyId = _agencyId ?? certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (string.IsNullOrEmpty(agencyId))
            {
                throw new InvalidOperationException("The client certificate has no common name; call WithAgencyId with the agency it is registered to.");
            }

            var settings = new HubConnectionSettings(_address, certificate, _ownsCertificate, trustedRoots, agencyId, _officerId, _defaultDeadline, _retries, _time);
            return new HubConnection(settings);
        }
        catch when (_ownsCertificate)
        {
            certificate.Dispose();
            throw;
        }
    }

    private HubConnectionBuilder UseCertificate(Func<X509Certificate2> load, bool owned)
    {
        _certificate = load;
        _ownsCertificate = owned;
        return this;
    }
}
