namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>The deadline of a call: sent as grpc-timeout, and enforced here by a timer.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    // Timers cannot wait longer than about 49 days; a longer deadline re-arms on expiry.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private void StartDeadlineTimer(TimeSpan delay) =>
        _deadlineTimer = _channel.TimeProvider.CreateTimer(
            static state => ((ClientCall<TRequest, TResponse>)state!).OnDeadlineTimer(), this, Min(delay, MaxTimerDelay), Timeout.InfiniteTimeSpan);

    private void OnDeadlineTimer()
    {
        var remaining = _deadline!.Value - UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            _deadlineTimer?.Change(Min(remaining, MaxTimerDelay), Timeout.InfiniteTimeSpan);
            return;
        }

        ClientLog.DeadlineExceeded(_channel.Logger, _method.FullName);
        Complete(ClientStatuses.DeadlineExceeded, trailers: null, cause: null);
    }

    private static DateTime? ValidateDeadline(DateTime? deadline)
    {
        if (deadline is not { } value || value == DateTime.MaxValue)
        {
            return null;
        }

        return value.Kind == DateTimeKind.Utc || value == DateTime.MinValue
            ? value
            : throw new ArgumentException("The deadline must be a UTC DateTime.", nameof(deadline));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
