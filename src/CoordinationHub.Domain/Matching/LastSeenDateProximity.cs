namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Compares last-seen dates. Never a contradiction: one agency records the day of disappearance, another
/// the day the family came forward, sometimes years later.
/// </summary>
internal static class LastSeenDateProximity
{
    public static Evidence? Compare(DateOnly? a, DateOnly? b)
    {
        if (a is not { } dateA || b is not { } dateB)
        {
            return null;
        }

        return Math.Abs(dateA.DayNumber - dateB.DayNumber) switch
        {
            0 => Evidence.Agreement(1, "last seen the same day"),
            <= 7 => Evidence.Agreement(0.8, "last seen within a week"),
            <= 31 => Evidence.Agreement(0.6, "last seen within a month"),
            <= 366 => Evidence.Agreement(0.3, "last seen within a year"),
            _ => Evidence.Agreement(0.1, "last seen more than a year apart"),
        };
    }
}
