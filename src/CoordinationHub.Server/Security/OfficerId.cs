namespace CoordinationHub.Server.Security;

/// <summary>
/// The acting officer an adapter names in <c>x-officer-id</c>: an identifier from the agency's own
/// directory (a badge number, an account name), not a display name, so it is kept short and to a
/// character set that cannot smuggle anything into logs or audit exports.
/// </summary>
public static class OfficerId
{
    public const int MaxLength = 128;

    /// <summary>True for 1-128 characters of ASCII letters, digits and <c>. _ - @ : +</c>.</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or '@' or ':' or '+'))
            {
                return false;
            }
        }

        return true;
    }
}
