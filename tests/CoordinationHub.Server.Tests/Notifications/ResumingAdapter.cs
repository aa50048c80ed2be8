using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Tests.Identifications;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Notifications;

/// <summary>
/// An agency's adapter as the SDK's users would write one: subscribe without a cursor (resume after
/// the last ack), drop what it already processed, ack every few notifications, and on any failure
/// reconnect — to the next replica in its list once the current one failed.
/// </summary>
internal sealed class ResumingAdapter(TestAgency agency, IReadOnlyList<HubClient> replicas, int ackEvery)
{
    private long _lastProcessed;

    public List<Notification> Processed { get; } = [];

    /// <summary>Sequences seen again after a reconnect, dropped by their sequence.</summary>
    public int Duplicates { get; private set; }

    public int Reconnects { get; private set; }

    public int Replica { get; private set; }

    public async Task RunUntilAsync(int expected, CancellationToken cancellationToken)
    {
        while (Processed.Count < expected)
        {
            try
            {
                using var api = await IdentificationsApi.SignInAsync(replicas[Replica], agency);
                using var call = api.Subscribe(afterSequence: null, cancellationToken);
                await foreach (var item in call.ReadAllAsync(cancellationToken))
                {
                    if (item.ItemCase != SubscribeResponse.ItemOneofCase.Notification)
                    {
                        continue;
                    }

                    if (item.Notification.Sequence <= _lastProcessed)
                    {
                        Duplicates++;
                        continue;
                    }

                    Processed.Add(item.Notification);
                    _lastProcessed = item.Notification.Sequence;
                    if (Processed.Count % ackEvery == 0 || Processed.Count == expected)
                    {
                        await api.AckAsync(_lastProcessed);
                    }

                    if (Processed.Count == expected)
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is RpcException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                // The replica went away (or refused while dying): the next one in the list takes over.
                Reconnects++;
                Replica = Math.Min(Replica + 1, replicas.Count - 1);
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
