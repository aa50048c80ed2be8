using System.CommandLine;
using System.Text.Json.Nodes;
using CoordinationHub.Audit;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary>
/// <c>hubctl audit verify</c>: offline from an export file and the hub's public key (nothing is
/// sent anywhere), or on the hub (AuditService/VerifyRange). Names the first bad entry and exits
/// with <see cref="ExitCodes.VerificationFailed"/> when anything is wrong.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console, Option<string?> officer, Option<string?> clientId)
    {
        var file = new Option<string?>("--file", "-f") { Description = "Verify this export file offline (needs --public-key); without it, the hub verifies" };
        var publicKey = new Option<string?>("--public-key") { Description = "The hub's checkpoint public keys (PEM, one or several), from 'hubctl audit key' or /.well-known/audit-keys.pem" };
        var chain = new Option<int?>("--chain") { Description = "On the hub: only this chain" };
        var fromSeq = new Option<long>("--from-seq") { Description = "On the hub: first seq", DefaultValueFactory = _ => 1 };
        var toSeq = new Option<long>("--to-seq") { Description = "On the hub: last seq; default: the heads" };
        var command = new Command("verify", "Verify the hash chains and checkpoint signatures; name the first bad entry.") { file, publicKey, chain, fromSeq, toSeq };
        command.SetHubAction(globals, console, async context =>
        {
            var p = context.ParseResult;
            if (p.GetValue(file) is { } path)
            {
                var keyPath = p.GetValue(publicKey) ?? throw new CliUsageException("--file needs --public-key: offline verification trusts only the key you give it.");
                return await VerifyOfflineAsync(context, path, keyPath).ConfigureAwait(false);
            }

            var request = new VerifyRangeRequest { FromSeq = p.GetValue(fromSeq), ToSeq = p.GetValue(toSeq) };
            if (p.GetValue(chain) is { } only)
            {
                request.Chain = only;
            }

            var options = await AuditCallOptions.ForAsync(context, officer, clientId, withDeadline: false).ConfigureAwait(false);
            var response = await context.Hub.Channel.UnaryAsync(AuditServiceMethods.VerifyRange, request, options).ConfigureAwait(false);
            var verdict = new Verdict(response.Valid, response.EntriesVerified, response.CheckpointsVerified, response.Chains.Count,
                response.Chains.Sum(c => c.LastSeq - c.LastCheckpointSeq), [.. response.Problems.Select(x => $"chain {x.Chain} seq {x.Seq}: {x.Kind}: {x.Detail}")]);
            return Report(context, verdict);
        });
        return command;
    }

    private static async Task<int> VerifyOfflineAsync(HubCommandContext context, string path, string keyPath)
    {
        AuditVerificationResult result;
        try
        {
            using var keys = CheckpointKeyRing.FromPem(await File.ReadAllTextAsync(keyPath, context.CancellationToken).ConfigureAwait(false));
            result = await AuditExportVerification.VerifyFileAsync(path, keys, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new CliUsageException($"cannot read {path} or {keyPath}: {e.Message}", e);
        }
        catch (AuditExportFormatException e)
        {
            await context.Console.Error.WriteLineAsync($"hubctl: {path} is not a valid export: {e.Message}").ConfigureAwait(false);
            return ExitCodes.VerificationFailed;
        }

        var verdict = new Verdict(result.Succeeded, result.EntriesVerified, result.CheckpointsVerified, result.Chains.Count,
            result.Chains.Sum(c => c.LastSeq - c.LastCheckpointSeq), [.. result.Problems.Select(x => x.ToString())]);
        return Report(context, verdict);
    }

    private static int Report(HubCommandContext context, Verdict verdict)
    {
        context.Output.WriteObject(verdict, View);
        return verdict.Valid ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    private static readonly OutputView<Verdict> View = new(
        [
            new("Result", v => v.Valid ? "VALID" : "TAMPERED"),
            new("Entries verified", v => v.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Checkpoints verified", v => v.Checkpoints.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Chains", v => v.Chains.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Entries not yet signed", v => v.Unsigned.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("First bad entry", v => v.Problems.Count > 0 ? v.Problems[0] : "(none)"),
            new("Problems", v => v.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        v => new JsonObject
        {
            ["valid"] = v.Valid,
            ["entries_verified"] = v.Entries,
            ["checkpoints_verified"] = v.Checkpoints,
            ["chains"] = v.Chains,
            ["entries_not_yet_signed"] = v.Unsigned,
            ["problems"] = new JsonArray([.. v.Problems.Select(x => (JsonNode)x)]),
        });

    private sealed record Verdict(bool Valid, long Entries, int Checkpoints, int Chains, long Unsigned, IReadOnlyList<string> Problems);
}
