using System.Collections.Concurrent;
using CoordinationHub.Client.Notifications;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>A resuming subscription running in the background, recording what its handler was given.</summary>
internal sealed class SubscriptionRun : IAsyncDisposable
{
    private static readonly NotificationSubscriptionOptions QuickReconnects = new() { InitialReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Notification> _received = new();
    private readonly HubConnection _connection;
    private readonly INotificationCursorStore _store;

    public SubscriptionRun(HubConnection connection, INotificationCursorStore store, Func<Notification, ValueTask>? handler = null)
    {
        _connection = connection;
        _store = store;
        Completion = Task.Run(() => connection.Notifications.SubscribeResumingAsync(store, async (notification, _) =>
        {
            if (handler is not null)
            {
                await handler(notification);
            }

            _received.Enqueue(notification);
        }, QuickReconnects, _stop.Token));
    }

    /// <summary>Ends when the subscription does: normally after <see cref="StopAsync"/>, or with its error.</summary>
    public Task Completion { get; }

    public IReadOnlyList<Notification> Received => [.. _received];

    /// <summary>Waits until the store holds <paramref name="sequence"/>: the handler is done with it and it is saved.</summary>
    public async Task WaitForCursorAsync(long sequence, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (await _store.LoadAsync(_connection.AgencyId, limit.Token) != sequence)
        {
            if (Completion.IsCompleted)
            {
                await Completion;
                throw new InvalidOperationException($"The subscription ended before sequence {sequence} was saved.");
            }

            await Task.Delay(50, limit.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Completion;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(Completion);
        _stop.Dispose();
    }
}
