namespace CoordinationHub.Cli.Connection;

/// <summary>How to reach the hub, as the global options and their environment variables resolved it.</summary>
/// <param name="Hub">The hub's address, for example <c>https://localhost:7443</c>.</param>
/// <param name="CaFile">PEM file of the roots the hub's certificate must chain to; null trusts the system store.</param>
/// <param name="CertificateFile">PEM file of the client certificate for mutual TLS; null presents none.</param>
/// <param name="KeyFile">PEM file of the client certificate's private key; null when it is in <paramref name="CertificateFile"/>.</param>
/// <param name="Timeout">Deadline of each call, counted from its start.</param>
/// <param name="AgencyId">The agency the certificate is registered to; null takes the certificate's common name.</param>
/// <param name="OfficerId">The acting officer, sent as <c>x-officer-id</c> on calls that carry a token; null sends none.</param>
internal sealed record HubConnectionOptions(Uri Hub, string? CaFile, string? CertificateFile, string? KeyFile, TimeSpan Timeout, string? AgencyId = null, string? OfficerId = null);
