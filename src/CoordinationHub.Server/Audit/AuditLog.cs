namespace CoordinationHub.Server.Audit;

/// <summary>Log messages of the audit chain's checkpoints and sealer slots. Event ids 3300-3399.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Signed {Count} audit checkpoint(s) with key {KeyId}.")]
    public static partial void CheckpointsSigned(ILogger logger, int count, string keyId);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Error, Message = "Could not write audit checkpoints; retrying at the next poll.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "This replica owns audit sealer slot {Slot} and seals its entries on chains {FirstChain}-{LastChain}.")]
    public static partial void SealerSlotTaken(ILogger logger, int slot, int firstChain, int lastChain);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "All {Slots} audit sealer slots are held by other replicas; this one appends on the database-sealed lanes only.")]
    public static partial void SealerSlotsAllTaken(ILogger logger, int slots);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Lost audit sealer slot {Slot} (its session failed); appending on the database-sealed lanes until a slot is taken again.")]
    public static partial void SealerSlotLost(ILogger logger, int slot, Exception exception);
}
