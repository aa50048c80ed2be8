namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// The lock that serialises a call's writes with each other and with its deadline. Nearly every call
/// takes it without contention, so until the first contention it is an interlocked flag that
/// allocates nothing; from then on the call uses a <see cref="SemaphoreSlim"/>, which gives waiters
/// a queue, cancellation and timeouts. A mutable struct: keep it in a non-readonly field.
/// </summary>
internal struct CallWriteLock
{
    private const int Free = 0;
    private const int Held = 1;

    // Someone had to wait: the semaphore decides ownership for the rest of the call.
    private const int Contended = 2;

    private static readonly Task<bool> Entered = Task.FromResult(true);

    private int _state;
    private SemaphoreSlim? _semaphore;

    /// <summary>Like <see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/>: a cancelled token fails even when the lock is free.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return TryEnterUncontended() ? Task.CompletedTask : _semaphore!.WaitAsync(cancellationToken);
    }

    /// <summary>Like <see cref="SemaphoreSlim.WaitAsync(TimeSpan)"/>: false when the lock was not free in time.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout) =>
        TryEnterUncontended() ? Entered : _semaphore!.WaitAsync(timeout);

    public Task WaitAsync() => WaitAsync(CancellationToken.None);

    public void Release()
    {
        if (Interlocked.CompareExchange(ref _state, Free, Held) != Held)
        {
            _semaphore!.Release();
        }
    }

    public readonly void Dispose() => _semaphore?.Dispose();

    /// <summary>Takes the flag when free; otherwise makes sure the semaphore rules and returns false.</summary>
    private bool TryEnterUncontended()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Free:
                    if (Interlocked.CompareExchange(ref _state, Held, Free) == Free)
                    {
                        return true;
                    }

                    break;
                case Held:
                    // Count 0: the holder owns the lock and hands it on with Release.
                    if (_semaphore is null)
                    {
                        Interlocked.CompareExchange(ref _semaphore, new SemaphoreSlim(0, 1), null);
                    }

                    if (Interlocked.CompareExchange(ref _state, Contended, Held) == Held)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }
    }
}
