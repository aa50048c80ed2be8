using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Testing;

namespace CoordinationHub.Cli.Tests.Commands;

/// <summary><c>db migrate</c> and <c>admin bootstrap</c> before it, on an empty database of their own.</summary>
public sealed class DatabaseCommandTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Migrate_EmptyDatabase_BootstrapRefusedBeforeThenMigrationsAppliedOnce()
    {
        var bootstrap = await HubCtlRun.RunAsync(null, "admin", "bootstrap", "--connection", database.ConnectionString, "--ca-cert", "ca.pem", "--ca-key", "ca.key");
        var first = await HubCtlRun.RunAsync(null, "db", "migrate", "--connection", database.ConnectionString, "-o", "json");
        var second = await HubCtlRun.RunAsync(new Dictionary<string, string> { ["HUBCTL_DB"] = database.ConnectionString }, "db", "migrate", "-o", "json");

        Assert.True(bootstrap.ExitCode == ExitCodes.DatabaseError, bootstrap.ToString());
        Assert.Contains("hubctl db migrate", bootstrap.Error, StringComparison.Ordinal);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        using var applied = JsonDocument.Parse(first.Output);
        Assert.NotEmpty(applied.RootElement.EnumerateArray());
        Assert.All(applied.RootElement.EnumerateArray(), m => Assert.True(m.GetProperty("appliedNow").GetBoolean()));
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        using var again = JsonDocument.Parse(second.Output);
        Assert.All(again.RootElement.EnumerateArray(), m => Assert.False(m.GetProperty("appliedNow").GetBoolean()));
    }

    [Fact]
    public async Task Migrate_WithoutConnection_ExitsOneNamingTheVariable()
    {
        var run = await HubCtlRun.RunAsync(null, "db", "migrate");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("HUBCTL_DB", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_NothingListening_ExitsSix()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await HubCtlRun.RunAsync(null, "db", "migrate", "--connection", $"Host=127.0.0.1;Port={port};Username=hub;Database=hub;Timeout=3");

        Assert.True(run.ExitCode == ExitCodes.DatabaseError, run.ToString());
        Assert.StartsWith("hubctl: database: ", run.Error, StringComparison.Ordinal);
    }
}
