namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Compares dates of birth and estimated birth years. Clerks swap day and month, families misremember
/// the year by one, and 1 January often stands for "day unknown"; a gap of more than
/// <see cref="ContradictionYears"/> years is a different person (a father and the son named after him).
/// </summary>
internal static class DateOfBirthProximity
{
    public const int ContradictionYears = 5;

    public static Evidence? Compare(PersonDescription a, PersonDescription b)
    {
        if (a.DateOfBirth is { } dateA && b.DateOfBirth is { } dateB)
        {
            return CompareDates(dateA, dateB);
        }

        var rangeA = a.BirthYearRange ?? YearOf(a.DateOfBirth);
        var rangeB = b.BirthYearRange ?? YearOf(b.DateOfBirth);
        if (rangeA is not { } ra || rangeB is not { } rb)
        {
            return null;
        }

        return ra.DistanceTo(rb) switch
        {
            0 => Evidence.Agreement(0.7, "birth year within the estimated range"),
            <= 2 => Evidence.Agreement(0.4, "birth years within 2 years of each other"),
            <= ContradictionYears => Evidence.Agreement(0.1, "birth years 3 to 5 years apart"),
            var gap => Evidence.Contradiction($"birth years at least {gap} years apart"),
        };
    }

    private static Evidence CompareDates(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return Evidence.Agreement(1, "same date of birth");
        }

        var years = Math.Abs(a.Year - b.Year);
        if (years == 0 && a.Day == b.Month && a.Month == b.Day)
        {
            return Evidence.Agreement(0.9, "date of birth with day and month swapped");
        }

        if (years == 0 && (IsFirstOfJanuary(a) || IsFirstOfJanuary(b)))
        {
            return Evidence.Agreement(0.8, "same birth year (1 January, likely a placeholder)");
        }

        if (years == 1 && a.Month == b.Month && a.Day == b.Day)
        {
            return Evidence.Agreement(0.8, "date of birth one year apart, same day and month");
        }

        var days = Math.Abs(a.DayNumber - b.DayNumber);
        return days switch
        {
            <= 366 => Evidence.Agreement(0.6, "dates of birth within a year"),
            <= 2 * 366 => Evidence.Agreement(0.4, "dates of birth within two years"),
            _ when years <= ContradictionYears => Evidence.Agreement(0.1, $"dates of birth {years} years apart"),
            _ => Evidence.Contradiction($"dates of birth {years} years apart"),
        };
    }

    private static bool IsFirstOfJanuary(DateOnly date) => date.Month == 1 && date.Day == 1;

    private static BirthYearRange? YearOf(DateOnly? date) => date is { } d ? new BirthYearRange(d.Year, d.Year) : null;
}
