using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Bench.Auth;

/// <summary>
/// The per-call authentication path without the handshake: JWT validation with the hub's
/// JwtBearer parameters (ES256 verification included), the agency lookup with a warm cache, and
/// the certificate binding check.
/// </summary>
[MemoryDiagnoser]
public class AuthenticationPathBenchmarks
{
    private readonly JsonWebTokenHandler _handler = new();
    private TokenHandler _hubHandler = null!;
    private TokenValidationParameters _parameters = null!;
    private AgencyAdmission _admission = null!;
    private X509Certificate2 _client = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Full JWT validation, ES256 verification included: what a token costs the first time the hub sees it.</summary>
    [Benchmark]
    public async Task<bool> ValidateToken_FirstSight() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid;

    /// <summary>The hub's handler on a token it validated before (an adapter reuses its token for 5 minutes).</summary>
    [Benchmark]
    public async Task<bool> ValidateToken_Repeated() => (await _hubHandler.ValidateTokenAsync(_token, _parameters)).IsValid;

    [Benchmark]
    public async Task<bool> AdmitCertificate_WarmCache() => (await _admission.AdmitAsync(_client, CancellationToken.None)).Grant is not null;

    /// <summary>Per call with a reused token: validation (cached), agency lookup (warm), binding check.</summary>
    [Benchmark(Baseline = true)]
    public async Task<bool> PerCallPath_RepeatedToken()
    {
        var validation = await _hubHandler.ValidateTokenAsync(_token, _parameters);
        var admitted = await _admission.AdmitAsync(_client, CancellationToken.None);
        var confirmation = validation.ClaimsIdentity?.FindFirst("cnf")?.Value;
        return validation.IsValid && admitted.Grant is not null && confirmation is not null
            && CertificateBinding.Matches(System.Text.Json.JsonDocument.Parse(confirmation).RootElement.GetProperty("x5t#S256").GetString(), _client);
    }

    private async Task SetupAsync()
    {
        var pki = new BenchPki();
        _client = pki.Client;
        var database = await BenchDatabase.CreateAsync(pki.Client);
        var options = Options.Create(new HubTokenOptions { Issuer = "https://bench.hub" });
        var keys = new SigningKeyStore(database, options, TimeProvider.System, NullLogger<SigningKeyStore>.Instance);
        _admission = new AgencyAdmission(new AgencyDirectory(database, new WarmCacheClock()), TimeProvider.System);
        var grant = (await _admission.AdmitAsync(_client, CancellationToken.None)).Grant!;
        _token = (await new AccessTokenIssuer(keys, options, TimeProvider.System).IssueAsync(grant, [Scopes.CasesRead], _client, CancellationToken.None)).AccessToken;
        var jwt = new JwtBearerOptions();
        new JwtBearerOptionsSetup(options, keys, new ValidatedTokenCache(TimeProvider.System)).Configure(jwt);
        _parameters = jwt.TokenValidationParameters;
        _hubHandler = jwt.TokenHandlers.Single();
    }
}
