using System.Runtime.ExceptionServices;
using CoordinationHub.Client.Services;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using Polly;
using Polly.Retry;

namespace CoordinationHub.Client.Notifications;

/// <summary>
/// An agency's notifications, delivered at least once and in order, across restarts of the adapter
/// and of the hub. It loads the cursor from the adapter's <see cref="INotificationCursorStore"/>,
/// subscribes after it (with no cursor yet, after the hub's last acknowledged sequence), skips
/// heartbeats and anything at or below the cursor, and hands each new notification to the adapter's
/// handler. Only when the handler has returned is the cursor saved and the notification
/// acknowledged to the hub: a crash in between delivers it again (at least once), so a handler must
/// tolerate seeing a sequence twice across restarts. When the stream is cut (UNAVAILABLE, a reset,
/// the hub going away) it reconnects from the saved cursor, with exponential backoff and jitter
/// while reconnections fail. PERMISSION_DENIED (a suspended or revoked agency) and any other refusal
/// end it with that <see cref="RpcException"/>; an exception from the handler ends it with that
/// exception, and the notification is delivered again by the next subscription.
/// </summary>
public sealed class NotificationSubscription
{
    private readonly NotificationsClient _notifications;
    private readonly INotificationCursorStore _store;
    private readonly ResiliencePipeline _reconnect;

    /// <summary>A subscription of <paramref name="notifications"/>' agency that keeps its cursor in <paramref name="store"/>.</summary>
    public NotificationSubscription(NotificationsClient notifications, INotificationCursorStore store, NotificationSubscriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(store);
        options ??= new NotificationSubscriptionOptions();
        _notifications = notifications;
        _store = store;
        _reconnect = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            Name = "notification-reconnect",
            MaxRetryAttempts = options.MaxReconnectAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.InitialReconnectDelay,
            MaxDelay = options.MaxReconnectDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is RpcException cut && IsStreamCut(cut.StatusCode)),
        }).Build();
    }

    /// <summary>The sequence of the last notification processed (and saved), or null before the first.</summary>
    public long? Cursor { get; private set; }

    /// <summary>
    /// Delivers notifications to <paramref name="handler"/> until <paramref name="cancellationToken"/>
    /// is cancelled, and then completes normally.
    /// </summary>
    /// <exception cref="RpcException">The hub refused the subscription for good (PERMISSION_DENIED, UNAUTHENTICATED, ...), or reconnection gave up.</exception>
    public async Task RunAsync(Func<Notification, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            Cursor = await _store.LoadAsync(_notifications.AgencyId, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                // One pipeline run per outage: a session that received something and was then cut
                // returns, and the next run reconnects at once with its backoff started afresh.
                await _reconnect.ExecuteAsync(token => RunSessionAsync(handler, token), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
        }
        catch (HandlerFailedException failed)
        {
            ExceptionDispatchInfo.Throw(failed.InnerException!);
        }
    }

    /// <summary>
    /// The stream ended without a refusal: the hub went away (UNAVAILABLE, a reset seen as
    /// INTERNAL or CANCELLED, a graceful end), or an acknowledgement timed out. Resuming is right.
    /// </summary>
    internal static bool IsStreamCut(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled or StatusCode.DeadlineExceeded;

    private async ValueTask RunSessionAsync(Func<Notification, CancellationToken, ValueTask> handler, CancellationToken cancellationToken)
    {
        var request = new SubscribeRequest();
        if (Cursor is { } after)
        {
            request.AfterSequence = after;
        }

        var received = false;
        try
        {
            await foreach (var item in _notifications.SubscribeAsync(request, cancellationToken).ConfigureAwait(false))
            {
                received = true;
                if (item.ItemCase == SubscribeResponse.ItemOneofCase.Notification && (Cursor is not { } last || item.Notification.Sequence > last))
                {
                    await DeliverAsync(item.Notification, handler, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (RpcException ex) when (received && IsStreamCut(ex.StatusCode) && !cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (!received)
        {
            throw new RpcException(StatusCode.Unavailable, "the notification stream ended before anything arrived.");
        }
    }

    private async ValueTask DeliverAsync(Notification notification, Func<Notification, CancellationToken, ValueTask> handler, CancellationToken cancellationToken)
    {
        try
        {
            await handler(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new HandlerFailedException(ex);
        }

        await _store.SaveAsync(_notifications.AgencyId, notification.Sequence, cancellationToken).ConfigureAwait(false);
        Cursor = notification.Sequence;
        await _notifications.AckAsync(new AckRequest { Sequence = notification.Sequence }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries the handler's exception past the reconnection logic, which must not mistake it for a cut stream.</summary>
    private sealed class HandlerFailedException(Exception inner) : Exception("The notification handler failed.", inner);
}
