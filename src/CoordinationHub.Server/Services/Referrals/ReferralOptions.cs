using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>Referral rules an operator may tune (section <c>Hub:Referrals</c>).</summary>
public sealed class ReferralOptions
{
    public const string Section = "Hub:Referrals";

    /// <summary>How often the expiry sweep looks for overdue referrals. Reads never wait for it (see ReferralExpiry).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Referrals expired per transaction, so one sweep never holds many row locks for long.</summary>
    [Range(1, 10_000)]
    public int ExpiryBatchSize { get; set; } = 500;

    /// <summary>
    /// The latest due time a referral may carry. A referral due years ahead would keep a case open
    /// to another agency with no one looking: past a year the sender must refer again.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3660.00:00:00")]
    public TimeSpan MaxDueHorizon { get; set; } = TimeSpan.FromDays(366);
}
