using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Bench.KestrelCeiling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet CoordinationHub.Bench.KestrelCeiling.dll --port=P --tls_cert_file=F --tls_key_file=F --response_file=F
// Hosting mirrors tests/interop/CoordinationHub.Interop/InteropServer.cs line for line.
var builder = WebApplication.CreateSlimBuilder(args);
var config = builder.Configuration;
var port = config.GetValue<int>("port");
var certificate = X509Certificate2.CreateFromPemFile(config["tls_cert_file"]!, config["tls_key_file"]!);
var response = File.ReadAllBytes(config["response_file"]!);

builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.ListenAnyIP(port, listen =>
    {
        listen.Protocols = HttpProtocols.Http2;
        listen.UseHttps(certificate);
    });
});

await using var app = builder.Build();
app.Map(UnaryCallEndpoint.Path, new UnaryCallEndpoint(response).HandleAsync);
await app.StartAsync();
Console.WriteLine($"kestrel ceiling listening on port {port} (tls=true)");
await app.WaitForShutdownAsync();
