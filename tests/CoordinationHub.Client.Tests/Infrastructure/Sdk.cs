using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>SDK connections of test agencies to a test hub.</summary>
internal static class Sdk
{
    /// <summary>A connection of <paramref name="agency"/> to <paramref name="address"/> (the host's by default), after <paramref name="configure"/>.</summary>
    public static HubConnection Connect(HubTestHost hub, TestAgency agency, Func<HubConnectionBuilder, HubConnectionBuilder>? configure = null, Uri? address = null)
    {
        var builder = HubConnection.ForAddress(address ?? hub.Client.Address).WithClientCertificate(agency.Certificate).WithTrustedRoots([hub.Pki.Root]);
        return (configure ?? (b => b)).Invoke(builder).Build();
    }
}
