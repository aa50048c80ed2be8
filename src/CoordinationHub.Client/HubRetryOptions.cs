namespace CoordinationHub.Client;

/// <summary>
/// How a unary call that failed with UNAVAILABLE is sent again, when that is safe (a read, or a
/// write carrying a <c>request_id</c>): exponential backoff with jitter, within the call's deadline.
/// </summary>
public sealed record HubRetryOptions
{
    /// <summary>The default: 4 attempts, 200 ms doubling up to 5 s, jittered.</summary>
    public static HubRetryOptions Default { get; } = new();

    /// <summary>No retries: every call is sent once.</summary>
    public static HubRetryOptions None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The median delay before the first retry; it doubles with each further retry.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, TimeSpan.Zero, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, InitialDelay, nameof(MaxDelay));
    }
}
