namespace CoordinationHub.Server.Persistence;

/// <summary>
/// The current time at PostgreSQL's precision (microseconds). .NET ticks are 100 ns; a time kept
/// at tick precision would differ between the response of a change and a later read of the row.
/// </summary>
public static class DatabaseClock
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
