using CoordinationHub.Interop;

namespace CoordinationHub.InteropTests;

/// <summary>Our interop TestService server, twice: over TLS with the dev certificate, and over h2c.</summary>
public sealed class OurServerFixture : IAsyncLifetime
{
    private InteropServer? _tls;
    private InteropServer? _plaintext;

    public int Port(bool useTls) => (useTls ? _tls : _plaintext)!.Port;

    public async Task InitializeAsync()
    {
        Repository.RequirePeers();
        _tls = await InteropServer.StartAsync(0, useTls: true, Repository.ServerCertificate, Repository.ServerKey);
        _plaintext = await InteropServer.StartAsync(0, useTls: false, Repository.ServerCertificate, Repository.ServerKey);
    }

    public async Task DisposeAsync()
    {
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        if (_plaintext is not null)
        {
            await _plaintext.DisposeAsync();
        }
    }
}
