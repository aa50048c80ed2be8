namespace CoordinationHub.Server.Services.Referrals;

/// <summary>Log messages of referrals. Event ids 4000-4099. Case events and the audit trail, not the log, record what happened to a referral.</summary>
internal static partial class ReferralsLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Expired {Count} overdue referrals.")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The referral expiry sweep failed; it runs again at the next interval, and reads treat overdue referrals as expired meanwhile.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
