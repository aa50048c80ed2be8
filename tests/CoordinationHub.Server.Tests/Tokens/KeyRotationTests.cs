using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CoordinationHub.Server.Tests.Tokens;

/// <summary>On a running hub: after a rotation, new tokens use the new key and live tokens keep working.</summary>
public sealed class KeyRotationTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Rotation_LiveTokenStaysValid_NewTokensUseTheNewKey()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("rotation");
        var before = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);

        // The schedule, fast-forwarded: every key retires now (they keep verifying until expires_at).
        await using (var db = hub.Trust.OpenDb())
        {
            await db.SigningKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await hub.Services.GetRequiredService<SigningKeyStore>().ReloadAsync(CancellationToken.None);
        var after = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);

        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(after).Kid);
        await hub.Client.GetHubInfoAsync(agency.Certificate, before);
        await hub.Client.GetHubInfoAsync(agency.Certificate, after);
        var jwks = await hub.Client.GetStringAsync(agency.Certificate, "/.well-known/jwks.json");
        Assert.Contains(new JsonWebToken(before).Kid, jwks, StringComparison.Ordinal);
        Assert.Contains(new JsonWebToken(after).Kid, jwks, StringComparison.Ordinal);
    }
}
