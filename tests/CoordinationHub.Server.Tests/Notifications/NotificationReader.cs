using System.Threading.Channels;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Tests.Identifications;

namespace CoordinationHub.Server.Tests.Notifications;

/// <summary>One open Subscribe stream, read in the background into a queue the test takes from with a timeout.</summary>
internal sealed class NotificationReader : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SubscribeResponse> _items = Channel.CreateUnbounded<SubscribeResponse>();
    private readonly Task _reading;

    public NotificationReader(IdentificationsApi api, long? afterSequence = null)
    {
        var call = api.Subscribe(afterSequence, _stop.Token);
        _reading = Task.Run(async () =>
        {
            using (call)
            {
                try
                {
                    await foreach (var item in call.ReadAllAsync(_stop.Token))
                    {
                        await _items.Writer.WriteAsync(item);
                    }

                    _items.Writer.Complete();
                }
                catch (Exception e)
                {
                    _items.Writer.Complete(e);
                }
            }
        });
    }

    /// <summary>The next notification, skipping heartbeats; fails after <paramref name="timeout"/>.</summary>
    public async Task<Notification> NextAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var item = await _items.Reader.ReadAsync(limit.Token);
            if (item.ItemCase == SubscribeResponse.ItemOneofCase.Notification)
            {
                return item.Notification;
            }
        }
    }

    /// <summary>The status the stream ended with, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<StatusCode> EndAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            while (await _items.Reader.WaitToReadAsync(limit.Token))
            {
                _items.Reader.TryRead(out _);
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
