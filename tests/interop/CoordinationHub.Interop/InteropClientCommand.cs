using System.CommandLine;
using System.Diagnostics;

namespace CoordinationHub.Interop;

/// <summary>The <c>client</c> command, with the official interop flag names.</summary>
public static class InteropClientCommand
{
    public static void AddTo(RootCommand root, string repoRoot)
    {
        ArgumentNullException.ThrowIfNull(root);
        var host = new Option<string>("--server_host") { DefaultValueFactory = _ => "localhost" };
        var hostOverride = new Option<string?>("--server_host_override") { Description = "Name for TLS and :authority." };
        var port = new Option<int>("--server_port") { Required = true };
        var useTls = new Option<bool>("--use_tls");
        var useTestCa = new Option<bool>("--use_test_ca") { Description = "Accepted for compatibility; the CA is --ca_file." };
        var caFile = new Option<string>("--ca_file") { DefaultValueFactory = _ => Path.Combine(repoRoot, "certs-dev/out/ca.pem") };
        var testCase = new Option<string>("--test_case") { DefaultValueFactory = _ => "all" };
        var command = new Command("client", "Run interop cases against a grpc.testing.TestService server.")
        {
            host, hostOverride, port, useTls, useTestCa, caFile, testCase,
        };
        command.SetAction(async result =>
        {
            var name = result.GetValue(hostOverride) ?? result.GetValue(host)!;
            using var channel = InteropClient.CreateChannel(name, result.GetValue(port), result.GetValue(useTls), result.GetValue(caFile)!);
            var client = new InteropClient(channel);
            var selected = result.GetValue(testCase)!;
            var cases = selected == "all" ? InteropClient.Cases : [selected];
            var failed = 0;
            foreach (var caseName in cases)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    await client.RunAsync(caseName);
                    Console.WriteLine($"PASS {caseName} ({watch.ElapsedMilliseconds} ms)");
                }
                catch (Exception exception)
                {
                    failed++;
                    Console.WriteLine($"FAIL {caseName}: {exception.Message}");
                }
            }

            Console.WriteLine($"{cases.Length - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        root.Subcommands.Add(command);
    }
}
