using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;

var app = HubApplication.Build(args);
await app.MigrateHubDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can find the hub's assembly and content root.</summary>
public partial class Program;
