using CoordinationHub.Client.Internal;
using CoordinationHub.Client.Notifications;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.NotificationsService</c>: the agency's notification stream and its
/// acknowledgements, one method per RPC, and <c>SubscribeResumingAsync</c>, the loop most
/// adapters want: resume from a cursor the adapter keeps, hand each notification over once it is
/// new, acknowledge it, reconnect when the stream is cut.
/// </summary>
public sealed class NotificationsClient
{
    private readonly HubCallInvoker _invoker;

    internal NotificationsClient(HubCallInvoker invoker, string agencyId)
    {
        _invoker = invoker;
        AgencyId = agencyId;
    }

    /// <summary>The agency whose notifications these are.</summary>
    public string AgencyId { get; }

    /// <summary><c>Subscribe</c>: streams the caller's notifications in commit order, with heartbeats. No deadline; cancel to stop.</summary>
    public IAsyncEnumerable<SubscribeResponse> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default) => _invoker.ServerStreamingAsync(NotificationsServiceMethods.Subscribe, request, cancellationToken);

    /// <summary><c>Ack</c>: records the caller's progress.</summary>
    public Task<AckResponse> AckAsync(AckRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(NotificationsServiceMethods.Ack, request, cancellationToken);

    /// <summary>
    /// Runs a <see cref="NotificationSubscription"/> over <paramref name="store"/> until
    /// <paramref name="cancellationToken"/> is cancelled (then it completes normally) or it fails
    /// for good (PERMISSION_DENIED for a suspended agency, the handler's own exception, ...).
    /// </summary>
    public Task SubscribeResumingAsync(INotificationCursorStore store, Func<Notification, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default) =>
        SubscribeResumingAsync(store, handler, options: null, cancellationToken);

    /// <summary>As <see cref="SubscribeResumingAsync(INotificationCursorStore, Func{Notification, CancellationToken, ValueTask}, CancellationToken)"/>, reconnecting as <paramref name="options"/> say.</summary>
    public Task SubscribeResumingAsync(
        INotificationCursorStore store, Func<Notification, CancellationToken, ValueTask> handler, NotificationSubscriptionOptions? options, CancellationToken cancellationToken = default) =>
        new NotificationSubscription(this, store, options).RunAsync(handler, cancellationToken);
}
