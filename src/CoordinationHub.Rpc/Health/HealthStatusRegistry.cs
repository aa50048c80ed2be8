using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Health;

/// <summary>
/// The serving status of this server and of its services, as <c>grpc.health.v1.Health</c> reports it.
/// The overall status lives under the empty service name and starts as SERVING; any other service is
/// unknown until someone sets its status. Thread-safe; register it as a singleton.
/// </summary>
public sealed class HealthStatusRegistry
{
    /// <summary>The service name under which the overall status of the server is kept.</summary>
    public const string OverallService = "";

    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [OverallService] = ServingStatus.Serving };
    private readonly Dictionary<string, List<HealthStatusWatch>> _watches = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _shuttingDown;

    /// <summary>
    /// Sets the status of <paramref name="service"/> (<see cref="OverallService"/> for the server) and tells its
    /// watchers. Ignored once <see cref="EnterShutdown"/> was called, so a late component cannot report a
    /// stopping server as serving again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is SERVICE_UNKNOWN, which only Watch
    /// may send; use <see cref="ClearStatus"/> to forget a service.</exception>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (status == ServingStatus.ServiceUnknown || !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Use UNKNOWN, SERVING or NOT_SERVING; ClearStatus forgets a service.");
        }

        lock (_gate)
        {
            if (_shuttingDown || (_statuses.TryGetValue(service, out var current) && current == status))
            {
                return;
            }

            _statuses[service] = status;
            Publish(service, status);
        }
    }

    /// <summary>Forgets <paramref name="service"/>: Check answers NOT_FOUND and watchers see SERVICE_UNKNOWN.</summary>
    /// <returns>True when the service had a status.</returns>
    public bool ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            if (_shuttingDown || !_statuses.Remove(service))
            {
                return false;
            }

            Publish(service, ServingStatus.ServiceUnknown);
            return true;
        }
    }

    /// <summary>The status of <paramref name="service"/>, when it has one.</summary>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>
    /// Reports every known service NOT_SERVING, then ends every watch, present and future, so that load balancers
    /// drain this server and open Watch streams do not hold up a graceful shutdown. Later changes are ignored.
    /// </summary>
    public void EnterShutdown()
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            _shuttingDown = true;
            foreach (var service in _statuses.Keys.ToList())
            {
                _statuses[service] = ServingStatus.NotServing;
            }

            foreach (var (service, watches) in _watches)
            {
                foreach (var watch in watches)
                {
                    if (_statuses.ContainsKey(service))
                    {
                        watch.Publish(ServingStatus.NotServing);
                    }

                    watch.Complete();
                }
            }
        }
    }

    /// <summary>
    /// Starts watching <paramref name="service"/>. The current status (SERVICE_UNKNOWN for an unknown service) is
    /// already waiting in the watch, taken under the same lock as the subscription so no change can fall between.
    /// </summary>
    internal HealthStatusWatch Watch(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var watch = new HealthStatusWatch(service, Unsubscribe);
        lock (_gate)
        {
            watch.Publish(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (_shuttingDown)
            {
                watch.Complete();
                return watch;
            }

            if (!_watches.TryGetValue(service, out var watches))
            {
                watches = [];
                _watches.Add(service, watches);
            }

            watches.Add(watch);
        }

        return watch;
    }

    private void Publish(string service, ServingStatus status)
    {
        if (_watches.TryGetValue(service, out var watches))
        {
            foreach (var watch in watches)
            {
                watch.Publish(status);
            }
        }
    }

    private void Unsubscribe(HealthStatusWatch watch)
    {
        lock (_gate)
        {
            // Drop empty lists too: clients choose the names they watch, and memory must not grow with them.
            if (_watches.TryGetValue(watch.Service, out var watches) && watches.Remove(watch) && watches.Count == 0)
            {
                _watches.Remove(watch.Service);
            }
        }
    }
}
