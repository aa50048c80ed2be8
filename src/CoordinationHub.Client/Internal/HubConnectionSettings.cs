using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Client.Internal;

/// <summary>What <see cref="HubConnectionBuilder"/> hands to the connection it builds.</summary>
internal sealed record HubConnectionSettings(
    Uri Address,
    X509Certificate2 Certificate,
    bool OwnsCertificate,
    X509Certificate2Collection? TrustedRoots,
    string AgencyId,
    string? OfficerId,
    TimeSpan? DefaultDeadline,
    HubRetryOptions Retries,
    TimeProvider Time);
