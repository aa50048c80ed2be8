using System.CommandLine;
using CoordinationHub.Audit;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary><c>hubctl audit export</c>: a range of the chains with their checkpoints into an export file for offline verification.</summary>
internal static class AuditExportCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console, Option<string?> officer, Option<string?> clientId)
    {
        var file = new Option<string>("--file", "-f") { Description = "The export file to write (JSON Lines; refused if it exists)", Required = true };
        var chain = new Option<int?>("--chain") { Description = "Only this chain; default: all" };
        var fromSeq = new Option<long>("--from-seq") { Description = "First seq (default 1: whole chains)", DefaultValueFactory = _ => 1 };
        var toSeq = new Option<long>("--to-seq") { Description = "Last seq; default: each chain's head" };
        var command = new Command("export", "Export entries and signed checkpoints to a file that 'hubctl audit verify' checks offline.") { file, chain, fromSeq, toSeq };
        command.SetHubAction(globals, console, async context =>
        {
            var p = context.ParseResult;
            var path = p.GetRequiredValue(file);
            var request = new ExportEntriesRequest { FromSeq = p.GetValue(fromSeq), ToSeq = p.GetValue(toSeq) };
            if (p.GetValue(chain) is { } only)
            {
                request.Chain = only;
            }

            string keyId;
            using (var http = AuditHttp.Open(context.Hub.Options))
            using (var key = CheckpointKeyRing.FromPem(await http.GetCheckpointKeyPemAsync(context.CancellationToken).ConfigureAwait(false)))
            {
                keyId = key.KeyIds[0];
            }

            // No deadline: an export of a large log streams for as long as it takes.
            var options = await AuditCallOptions.ForAsync(context, officer, clientId, withDeadline: false).ConfigureAwait(false);
            using var call = context.Hub.Channel.AsyncServerStreamingCall(AuditServiceMethods.ExportEntries, request, options);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            await using (stream.ConfigureAwait(false))
            {
                var writer = new AuditExportWriter(stream);
                await using (writer.ConfigureAwait(false))
                {
                    await writer.WriteHeaderAsync(new AuditExportHeader
                    {
                        Hub = context.Hub.Address.ToString(),
                        ExportedAt = DateTimeOffset.UtcNow,
                        FromSeq = Math.Max(1, request.FromSeq),
                        KeyId = keyId,
                    }, context.CancellationToken).ConfigureAwait(false);
                    long entries = 0, checkpoints = 0;
                    await foreach (var item in call.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
                    {
                        if (item.ItemCase == ExportEntriesResponse.ItemOneofCase.Checkpoint)
                        {
                            checkpoints++;
                            await writer.WriteCheckpointAsync(AuditMessages.ToCheckpoint(item.Checkpoint), context.CancellationToken).ConfigureAwait(false);
                        }
                        else if (item.ItemCase == ExportEntriesResponse.ItemOneofCase.Entry)
                        {
                            entries++;
                            await writer.WriteEntryAsync(AuditMessages.ToChained(item.Entry), context.CancellationToken).ConfigureAwait(false);
                        }
                    }

                    await context.Console.Error.WriteLineAsync($"exported {entries} entries and {checkpoints} checkpoints to {path} (checkpoint key {keyId})").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
