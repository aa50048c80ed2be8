using System.Globalization;

namespace CoordinationHub.Rpc.Internal;

/// <summary>Parses and formats the <c>grpc-timeout</c> header: 1-8 ASCII digits and a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    /// <summary>The longest timeout the header can carry; larger deadlines are capped to it.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(99_999_999);

    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var ticks = value[^1] switch
        {
            'H' => TicksOrMax(amount, TimeSpan.TicksPerHour),
            'M' => TicksOrMax(amount, TimeSpan.TicksPerMinute),
            'S' => TicksOrMax(amount, TimeSpan.TicksPerSecond),
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => -1,
        };
        if (ticks < 0)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(Math.Min(ticks, Maximum.Ticks));
        return true;
    }

    /// <summary>Formats <paramref name="timeout"/> with the finest unit that fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        var ticks = timeout.Ticks;
        // Round up so the server never sees a shorter deadline than the client enforces.
        if (ticks * 100 <= MaxValue && ticks <= MaxValue / 100)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{ticks * 100}n");
        }

        (long PerUnit, char Unit)[] units =
        [
            (TimeSpan.TicksPerMicrosecond, 'u'),
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (perUnit, unit) in units)
        {
            var amount = (ticks + perUnit - 1) / perUnit;
            if (amount <= MaxValue)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{amount}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{MaxValue}H");
    }

    private static long TicksOrMax(long amount, long perUnit) =>
        amount > Maximum.Ticks / perUnit ? Maximum.Ticks : amount * perUnit;
}
