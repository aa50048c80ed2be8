namespace CoordinationHub.Domain.Trust;

/// <summary>Rules for agency ids: stable, readable in logs and URLs, unambiguous.</summary>
public static class AgencyId
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    /// <summary>Lower-case ASCII letters, digits and inner hyphens, 3-63 characters, starting with a letter.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length is < MinLength or > MaxLength || value[0] is < 'a' or > 'z' || value[^1] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
