using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing.Hub;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tests.Tokens;

public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void TryGet_UntilExpiryExactly_ThenMiss()
    {
        var time = new ManualTimeProvider();
        var cache = new ValidatedTokenCache(time);
        var token = Token(expires: time.GetUtcNow().AddMinutes(5));
        cache.Add("token", new TokenValidationResult { IsValid = true, SecurityToken = token });

        Assert.True(cache.TryGet("token", out _));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(cache.TryGet("token", out _));
    }

    [Fact]
    public void Add_InvalidResult_NotCached()
    {
        var time = new ManualTimeProvider();
        var cache = new ValidatedTokenCache(time);

        cache.Add("token", new TokenValidationResult { IsValid = false, SecurityToken = Token(time.GetUtcNow().AddMinutes(5)) });

        Assert.False(cache.TryGet("token", out _));
    }

    private static JsonWebToken Token(DateTimeOffset expires) =>
        new(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor { Expires = expires.UtcDateTime, NotBefore = expires.UtcDateTime.AddMinutes(-10), IssuedAt = expires.UtcDateTime.AddMinutes(-10) }));
}
