using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Health;

/// <summary>
/// One watcher's view of a service's status. It holds only the latest status not yet read, so a slow
/// watcher skips intermediate statuses instead of queueing them without bound; health is a level,
/// not a log of events.
/// </summary>
internal sealed class HealthStatusWatch : IDisposable
{
    private readonly Channel<ServingStatus> _latest = Channel.CreateBounded<ServingStatus>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false });

    private readonly Action<HealthStatusWatch> _unsubscribe;

    internal HealthStatusWatch(string service, Action<HealthStatusWatch> unsubscribe)
    {
        Service = service;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The watched service name.</summary>
    public string Service { get; }

    /// <summary>Statuses as they change; completes when the server shuts down.</summary>
    public ChannelReader<ServingStatus> Statuses => _latest.Reader;

    /// <summary>Replaces the unread status, if any. Called by the registry under its lock, so statuses keep their order.</summary>
    internal void Publish(ServingStatus status) => _latest.Writer.TryWrite(status);

    /// <summary>Ends the watch after the status already published has been read.</summary>
    internal void Complete() => _latest.Writer.TryComplete();

    /// <summary>Stops receiving statuses.</summary>
    public void Dispose() => _unsubscribe(this);
}
