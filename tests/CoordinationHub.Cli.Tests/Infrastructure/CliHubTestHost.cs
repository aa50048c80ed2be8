using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Testing.Hub;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>
/// The real, authenticated hub (HubTestHost: mutual TLS, tokens, PostgreSQL) under a name the
/// tests recognise, with agencies whose certificates hubctl is given as PEM files: an operator
/// agency without scopes (health, reflection, info need no scope) and, on first use, an administrator.
/// </summary>
public sealed class CliHubTestHost : HubTestHost
{
    public const string HubName = "CoordinationHub (hubctl tests)";

    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private AgencyFiles? _admin;

    public Uri Address => Client.Address;

    public HealthStatusRegistry Health => Services.GetRequiredService<HealthStatusRegistry>();

    /// <summary>An active agency with no scopes: admitted to health, reflection and GetHubInfo only.</summary>
    public AgencyFiles Operator { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Operator = await RegisterAsync("operator", []);
    }

    /// <summary>
    /// An agency holding agencies.admin, seeded straight into the database on first use, so a
    /// hub that never asks for one stays fresh for <c>admin bootstrap</c>.
    /// </summary>
    public async Task<AgencyFiles> AdminAsync()
    {
        await _adminLock.WaitAsync();
        try
        {
            return _admin ??= await RegisterAsync("admin", [Scopes.AgenciesAdmin]);
        }
        finally
        {
            _adminLock.Release();
        }
    }

    /// <summary>Registers an agency with its certificate straight in the database and writes its PEM files.</summary>
    public async Task<AgencyFiles> RegisterAsync(
        string prefix, IEnumerable<string> scopes, IEnumerable<string>? categories = null, IEnumerable<string>? purposes = null, string? kind = null)
    {
        var agency = await Trust.RegisterAgencyAsync(prefix, scopes, categories: categories, purposes: purposes, kind: kind);
        var (certificate, key) = agency.WritePemFiles(Directory);
        return new AgencyFiles(agency.AgencyId, certificate, key);
    }

    /// <summary>A new empty directory under the host's own, removed with it.</summary>
    public string NewDirectory() => System.IO.Directory.CreateDirectory(Path.Combine(Directory, Guid.NewGuid().ToString("N"))).FullName;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Hub:Name"] = HubName;
        return settings;
    }
}
