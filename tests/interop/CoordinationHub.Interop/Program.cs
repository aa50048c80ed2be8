using System.CommandLine;
using CoordinationHub.Interop;

var repoRoot = RepositoryPaths.FindRoot();

var port = new Option<int>("--port") { Description = "Port to listen on.", Required = true };
var serverUseTls = new Option<bool>("--use_tls") { Description = "Serve TLS with the dev certificate." };
var certFile = new Option<string>("--tls_cert_file") { DefaultValueFactory = _ => Path.Combine(repoRoot, "certs-dev/out/server.pem") };
var keyFile = new Option<string>("--tls_key_file") { DefaultValueFactory = _ => Path.Combine(repoRoot, "certs-dev/out/server.key") };
var server = new Command("server", "Run the grpc.testing.TestService interop server.") { port, serverUseTls, certFile, keyFile };
server.SetAction((result, token) => InteropServer.RunAsync(
    result.GetValue(port), result.GetValue(serverUseTls), result.GetValue(certFile)!, result.GetValue(keyFile)!, token));

var root = new RootCommand("gRPC interop programs on CoordinationHub.Rpc.") { server };
InteropClientCommand.AddTo(root, repoRoot);
return await root.Parse(args).InvokeAsync();
