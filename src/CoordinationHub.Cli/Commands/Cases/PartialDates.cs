using System.Globalization;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// Dates as old records give them: <c>1987</c>, <c>1987-03</c> or <c>1987-03-14</c>. The hub checks
/// that a date is real; hubctl only reads the shape, so a usage error names the option at once.
/// </summary>
internal static class PartialDates
{
    public static PartialDate Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 3 || parts.Any(part => !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new CliUsageException($"{option}: '{text}' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD.");
        }

        var numbers = parts.Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        return new PartialDate { Year = numbers[0], Month = numbers.Length > 1 ? numbers[1] : 0, Day = numbers.Length > 2 ? numbers[2] : 0 };
    }

    public static string Format(PartialDate? date) => date is null || date.Year == 0 ? string.Empty
        : date.Month == 0 ? date.Year.ToString(CultureInfo.InvariantCulture)
        : date.Day == 0 ? $"{date.Year:D4}-{date.Month:D2}"
        : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
