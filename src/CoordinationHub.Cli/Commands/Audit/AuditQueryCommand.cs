using System.CommandLine;
using System.Globalization;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Client;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary><c>hubctl audit query</c>: who did what, newest first (AuditService/QueryEntries).</summary>
internal static class AuditQueryCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console, Option<string?> officer, Option<string?> clientId)
    {
        var agency = new Option<string?>("--agency") { Description = "Only calls of this agency" };
        var caseId = new Option<string?>("--case") { Description = "Only entries about this hub case" };
        var byOfficer = new Option<string?>("--by-officer") { Description = "Only calls of this acting officer" };
        var method = new Option<string?>("--method") { Description = "Only this method, e.g. /coordination.v1.CasesService/GetCase" };
        var decision = new Option<string?>("--decision") { Description = "Only allowed or only denied entries" };
        decision.AcceptOnlyFromAmong("allowed", "denied");
        var disclosed = new Option<string?>("--disclosed") { Description = "Only entries that disclosed this data category, e.g. genetic" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only entries at or after this time (ISO 8601)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Only entries before this time (ISO 8601)" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries (all pages are read up to it)", DefaultValueFactory = _ => 100 };
        var command = new Command("query", "List access-log entries matching the filters, newest first.")
        {
            agency, caseId, byOfficer, method, decision, disclosed, since, until, limit,
        };
        command.SetHubAction(globals, console, async context =>
        {
            var p = context.ParseResult;
            var request = new QueryEntriesRequest
            {
                AgencyId = p.GetValue(agency) ?? string.Empty,
                CaseId = p.GetValue(caseId) ?? string.Empty,
                Officer = p.GetValue(byOfficer) ?? string.Empty,
                Method = p.GetValue(method) ?? string.Empty,
                Decision = p.GetValue(decision) ?? string.Empty,
                CategoryDisclosed = p.GetValue(disclosed) ?? string.Empty,
                StartTime = p.GetValue(since) is { } s ? Timestamp.FromDateTimeOffset(s) : null,
                EndTime = p.GetValue(until) is { } u ? Timestamp.FromDateTimeOffset(u) : null,
            };
            var wanted = Math.Max(1, p.GetValue(limit));
            var options = await AuditCallOptions.ForAsync(context, officer, clientId).ConfigureAwait(false);
            var entries = new List<AuditLogEntry>();
            do
            {
                request.PageSize = Math.Min(500, wanted - entries.Count);
                var page = await context.Hub.Channel.UnaryAsync(AuditServiceMethods.QueryEntries, request, options).ConfigureAwait(false);
                entries.AddRange(page.Entries);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && entries.Count < wanted);

            context.Output.WriteList(entries, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly OutputView<AuditLogEntry> View = new(
        [
            new("Time", e => e.OccurredAt.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new("Agency / officer", e => $"{e.AgencyId}\n{e.Officer}"),
            new("Method", e => e.Method[(e.Method.LastIndexOf('.') + 1)..]),
            new("Case / target", e => e.CaseId.Length > 0 ? e.CaseId : e.Target),
            new("Decision", e => e.Decision),
            new("Purpose / basis", e => $"{e.Purpose}\n{e.Basis}".Trim()),
            new("Disclosed", e => string.Join(' ', e.CategoriesDisclosed)),
            new("Withheld", e => string.Join(' ', e.CategoriesWithheld)),
            new("Chain:seq", e => $"{e.Chain}:{e.Seq}"),
        ],
        e => ProtoJson.ToJson(e));
}
