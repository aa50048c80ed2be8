namespace CoordinationHub.Server.Services.Notifications;

/// <summary>One stream's wake-up: at most one pending signal, however many arrive while it reads.</summary>
public sealed class NotificationWakeup : IDisposable
{
    private readonly NotificationWakeups _owner;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();

    internal NotificationWakeup(NotificationWakeups owner, string agencyId)
    {
        _owner = owner;
        AgencyId = agencyId;
    }

    public string AgencyId { get; }

    /// <summary>Waits for a signal or the timeout; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    internal void Signal()
    {
        lock (_gate)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public void Dispose()
    {
        _owner.Remove(this);
        _signal.Dispose();
    }
}
