using CoordinationHub.Server.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddHubTransport();
builder.Services.AddHubRpc();

var app = builder.Build();
app.MapHubServices();
app.Run();

/// <summary>Entry point; public so integration tests can host the hub in-process.</summary>
public partial class Program;
