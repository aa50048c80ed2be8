namespace CoordinationHub.Domain.Matching;

/// <summary>
/// An estimated birth year span ("about 30 years old in 2016" becomes 1984-1988), for reports where the
/// family or the agency does not know the date of birth.
/// </summary>
public readonly record struct BirthYearRange
{
    public BirthYearRange(int from, int to)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        From = from;
        To = to;
    }

    public int From { get; }

    public int To { get; }

    /// <summary>Years between <paramref name="year"/> and the range; zero when inside.</summary>
    public int DistanceTo(int year) => year < From ? From - year : year > To ? year - To : 0;

    /// <summary>Years between two ranges; zero when they overlap.</summary>
    public int DistanceTo(BirthYearRange other) =>
        other.To < From ? From - other.To : other.From > To ? other.From - To : 0;
}
