using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Rpc;

/// <summary>Who is on the other end of a call, as far as the transport knows.</summary>
/// <param name="Address">The remote address, for example <c>ipv4:127.0.0.1:51234</c>.</param>
/// <param name="ClientCertificate">The TLS client certificate, when one was presented.</param>
public sealed record PeerInfo(string Address, X509Certificate2? ClientCertificate);
