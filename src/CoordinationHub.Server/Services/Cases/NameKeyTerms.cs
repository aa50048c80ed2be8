using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The index terms of a case's names (column <c>name_terms</c>, GIN): every phonetic name key, and
/// every pair of two different keys ("ABRHM+SD"). The candidate rule asks for names together; a
/// pair's posting list holds only the cases that have both names, a small fraction of either name's
/// list, so the index reads far less than when it intersects the lists of common names one by one.
/// </summary>
/// <remarks>
/// A set of query names is present in a case exactly when a covering set of pairs is
/// (<see cref="Covering"/>): each name is found by its key or a near variant (<see cref="KeyVariants"/>),
/// so a pair of query names is found by any pair of their variants, or by a single key that is a
/// variant of both. Keys hold only the letters A-Z (<see cref="PhoneticKey"/>), so "+" never occurs
/// in them.
/// </remarks>
internal static class NameKeyTerms
{
    public const char PairSeparator = '+';

    public const char YearSeparator = '@';

    public const string UnknownYear = "?";

    /// <summary>The terms a case with these keys is indexed under: the keys, then the pairs.</summary>
    public static List<string> Of(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var terms = new List<string>(distinct);
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
            {
                terms.Add(Pair(distinct[i], distinct[j]));
            }
        }

        return terms;
    }

    /// <summary>
    /// <paramref name="terms"/> each tagged with the birth year the candidate ranking uses
    /// (<c>birth_year</c>: the year of birth, or the middle of an estimated range), or "?" when
    /// none is known: a lookup of the same names among births in a few given years reads only
    /// those cases' postings, not every namesake's (<c>DuplicateCandidateQuery</c>).
    /// </summary>
    public static List<string> WithBirthYear(IEnumerable<string> terms, int? birthYear)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. terms.Select(t => birthYear is { } year ? InYear(t, year) : t + YearSeparator + UnknownYear)];
    }

    /// <summary>The term a name or pair has among births in <paramref name="year"/>.</summary>
    public static string InYear(string term, int year) => term + YearSeparator + year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One term for two different keys, the same whichever comes first (ordinal order).</summary>
    public static string Pair(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? a + PairSeparator + b : b + PairSeparator + a;

    /// <summary>
    /// The terms of which a case must hold one to have both names with these variants: a pair of
    /// two different variants, or one key that is a variant of both names.
    /// </summary>
    public static string[] Both(IReadOnlyList<string> variantsOfOne, IReadOnlyList<string> variantsOfOther)
    {
        var terms = new List<string>();
        foreach (var a in variantsOfOne)
        {
            foreach (var b in variantsOfOther)
            {
                var term = a == b ? a : Pair(a, b);
                if (!terms.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }

        return [.. terms];
    }

    /// <summary>
    /// Pairs of positions in <paramref name="names"/> that together cover all of them: (0,1), (2,3),
    /// ..., the last name paired with the one before it when the count is odd. A single name has no
    /// pair; the caller looks it up by its own keys.
    /// </summary>
    public static IEnumerable<(int First, int Second)> Covering(IReadOnlyList<int> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 0; i + 1 < names.Count; i += 2)
        {
            yield return (names[i], names[i + 1]);
        }

        if (names.Count % 2 == 1 && names.Count > 1)
        {
            yield return (names[^2], names[^1]);
        }
    }
}
