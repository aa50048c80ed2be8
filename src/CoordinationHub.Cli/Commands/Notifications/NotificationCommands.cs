using System.CommandLine;
using System.Globalization;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Notifications;

/// <summary>
/// <c>hubctl notifications subscribe|ack</c>: the agency's notifications in commit order
/// (coordination.v1.NotificationsService). Without <c>--after</c> a subscription resumes after the
/// agency's last acknowledged notification, on whichever replica answers, so an adapter that was
/// offline catches up with what it missed.
/// </summary>
internal static class NotificationCommands
{
    private static readonly ProtoEnumNames<NotificationKind> Kinds = new(
        NotificationsReflection.Descriptor.EnumTypes.Single(type => type.Name == nameof(NotificationKind)), "NOTIFICATION_KIND_");

    private static readonly OutputView<Notification> View = new(
        [
            new("Seq", n => n.Sequence.ToString(CultureInfo.InvariantCulture)),
            new("Kind", n => Kinds.NameOf(n.Kind)),
            new("Case", n => n.CaseId),
            new("By", n => n.ActorAgencyId),
            new("At", n => CaseViews.Time(n.EventTime)),
            new("Summary", n => n.Summary),
            new("Your view", n => YourView(n.Case)),
        ],
        n => ProtoJson.ToJson(n));

    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("notifications", "Receive your agency's notifications: referrals, identifications, possible duplicates, withdrawn consents (coordination.v1.NotificationsService; needs notifications.subscribe).")
        {
            Subscribe(globals, console),
            Ack(globals, console),
        };

    private static Command Subscribe(GlobalOptions globals, CliConsole console)
    {
        var after = new Option<long?>("--after") { Description = "Start after this sequence; default: after the last one your agency acknowledged", HelpName = "seq" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep the stream open and print notifications as they are committed, until interrupted (or --count)" };
        var count = new Option<int?>("--count") { Description = "Stop after this many notifications", HelpName = "n" };
        var ack = new Option<bool>("--ack") { Description = "Acknowledge each notification once printed, so the next subscription resumes after it" };
        var command = new Command(
            "subscribe",
            "Print your agency's notifications in commit order (NotificationsService/Subscribe). Without --follow it prints what is waiting, " +
            "up to the newest notification when it started, and exits; with --follow it goes on live. Each notification's case is cut to " +
            "what your agency may see. Delivery is at least once: de-duplicate by sequence.")
        { after, follow, count, ack };
        command.Validators.Add(result =>
        {
            if (result.GetValue(count) is <= 0)
            {
                result.AddError("--count must be positive.");
            }
        });
        command.SetHubAction(globals, console, async call =>
        {
            var parse = call.ParseResult;
            var request = new SubscribeRequest();
            if (parse.GetValue(after) is { } afterSequence)
            {
                request.AfterSequence = afterSequence;
            }

            var limit = parse.GetValue(count) ?? int.MaxValue;
            var live = parse.GetValue(follow);
            var acknowledge = parse.GetValue(ack);

            // Without --follow the subscription ends at the head of the first heartbeat. Where it
            // starts must be known too, or nothing waiting would mean waiting for ever: an Ack of 0
            // never moves progress back and answers the agency's acknowledged sequence.
            var start = request.HasAfterSequence || live ? request.AfterSequence : await AckedAsync(call).ConfigureAwait(false);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
            long? until = null;
            var received = 0;
            await foreach (var item in call.Hub.ServerStreamingAsync(NotificationsServiceMethods.Subscribe, request, cancel.Token).WithCancellation(cancel.Token).ConfigureAwait(false))
            {
                if (item.ItemCase == SubscribeResponse.ItemOneofCase.Heartbeat)
                {
                    until ??= live ? long.MaxValue : item.Heartbeat.HeadSequence;
                }
                else if (item.ItemCase == SubscribeResponse.ItemOneofCase.Notification)
                {
                    var notification = item.Notification;
                    call.Output.WriteEvent(notification, View);
                    await call.Console.Output.FlushAsync(call.CancellationToken).ConfigureAwait(false);
                    if (acknowledge)
                    {
                        await call.Hub.UnaryAsync(NotificationsServiceMethods.Ack, new AckRequest { Sequence = notification.Sequence }, call.CancellationToken).ConfigureAwait(false);
                    }

                    start = notification.Sequence;
                    received++;
                }

                if (received >= limit || start >= until)
                {
                    break;
                }
            }

            // Leaving the loop early ends the call: the hub sees the stream cancelled, not an error.
            await cancel.CancelAsync().ConfigureAwait(false);
            if (!live)
            {
                await call.Console.Error.WriteLineAsync(received == 0 ? "no notifications waiting." : $"{received} notification(s), up to sequence {start}.").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Ack(GlobalOptions globals, CliConsole console)
    {
        var sequence = new Argument<long>("sequence") { Description = "The last notification your adapter has processed" };
        var command = new Command(
            "ack",
            "Acknowledge your notifications up to a sequence (NotificationsService/Ack): the next subscription without --after resumes after it. " +
            "An older sequence never moves progress back.")
        { sequence };
        command.SetHubAction(globals, console, async call =>
        {
            var response = await call.Hub.UnaryAsync(
                NotificationsServiceMethods.Ack, new AckRequest { Sequence = call.ParseResult.GetRequiredValue(sequence) }, call.CancellationToken).ConfigureAwait(false);
            await call.Console.Output.WriteLineAsync($"acknowledged up to sequence {response.AckedSequence.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<long> AckedAsync(HubCommandContext call) =>
        (await call.Hub.UnaryAsync(NotificationsServiceMethods.Ack, new AckRequest { Sequence = 0 }, call.CancellationToken).ConfigureAwait(false)).AckedSequence;

    /// <summary>What the notification's copy of the case shows this agency, and what it withholds.</summary>
    private static string YourView(Case? view)
    {
        if (view?.Disclosure is not { } disclosure)
        {
            return string.Empty;
        }

        var shown = disclosure.Disclosed.Count == 0 ? "nothing" : string.Join(", ", disclosure.Disclosed.Select(AgencyVocabulary.Categories.NameOf));
        var withheld = string.Join(", ", disclosure.Withheld.Select(w => AgencyVocabulary.Categories.NameOf(w.Category)));
        return withheld.Length == 0 ? $"sees {shown}" : $"sees {shown}; withheld {withheld}";
    }
}
