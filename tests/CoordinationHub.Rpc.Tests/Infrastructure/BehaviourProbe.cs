namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>What the <see cref="BehaviourService"/> saw, and the levers a test pulls to release it.</summary>
public sealed class BehaviourProbe
{
    public TaskCompletionSource HandlerStarted { get; private set; } = NewSource();

    public TaskCompletionSource HandlerCancelled { get; private set; } = NewSource();

    public TaskCompletionSource ReleaseHandler { get; private set; } = NewSource();

    public DateTime? ObservedDeadline { get; set; }

    public void Reset()
    {
        ReleaseHandler.TrySetResult();
        HandlerStarted = NewSource();
        HandlerCancelled = NewSource();
        ReleaseHandler = NewSource();
        ObservedDeadline = null;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
