using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddHubTransport();
builder.Services.AddHubPersistence();
builder.Services.AddHubRpc();
builder.Services.AddHubAuthentication();

var app = builder.Build();
await app.MigrateHubDatabaseAsync();
app.MapHubTokenEndpoints();
app.MapHubServices();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the hub in-process.</summary>
public partial class Program;
