using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc.Tests.Server;

/// <summary>The per-call write lock: a flag while uncontended, a semaphore after the first wait.</summary>
public sealed class CallWriteLockTests
{
    [Fact]
    public async Task WaitAsync_Uncontended_EntersAtOnceEveryTime()
    {
        var holder = new Holder();
        for (var i = 0; i < 3; i++)
        {
            var entered = holder.Lock.WaitAsync(CancellationToken.None);
            Assert.True(entered.IsCompletedSuccessfully);
            holder.Lock.Release();
        }

        Assert.True(await holder.Lock.WaitAsync(TimeSpan.Zero));
        holder.Lock.Release();
        holder.Lock.Dispose();
    }

    [Fact]
    public async Task WaitAsync_WhileHeld_WaitsUntilReleased()
    {
        var holder = new Holder();
        await holder.Lock.WaitAsync(CancellationToken.None);

        var second = holder.Lock.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.False(await holder.Lock.WaitAsync(TimeSpan.FromMilliseconds(10)));

        holder.Lock.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        var third = holder.Lock.WaitAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        holder.Lock.Release();
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        holder.Lock.Release();
        holder.Lock.Dispose();
    }

    [Fact]
    public async Task WaitAsync_WaiterCancelled_LockStillPassesToTheNextWaiter()
    {
        var holder = new Holder();
        await holder.Lock.WaitAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var cancelled = holder.Lock.WaitAsync(cancellation.Token);
        var next = holder.Lock.WaitAsync(CancellationToken.None);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Lock.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        holder.Lock.Release();
        Assert.True(await holder.Lock.WaitAsync(TimeSpan.Zero));
        holder.Lock.Dispose();
    }

    [Fact]
    public async Task WaitAsync_CancelledToken_FailsEvenWhenFree()
    {
        var holder = new Holder();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holder.Lock.WaitAsync(new CancellationToken(canceled: true)));
        Assert.True(await holder.Lock.WaitAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitAsync_ManyConcurrentWriters_NeverOverlap()
    {
        var holder = new Holder();
        var inside = 0;
        var overlaps = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                await holder.Lock.WaitAsync(CancellationToken.None);
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Interlocked.Decrement(ref inside);
                holder.Lock.Release();
            }
        })));

        Assert.Equal(0, overlaps);
        holder.Lock.Dispose();
    }

    private sealed class Holder
    {
        public CallWriteLock Lock;
    }
}
