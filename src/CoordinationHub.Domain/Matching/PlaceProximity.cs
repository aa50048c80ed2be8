namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Compares last-seen places by coordinates when both have them, otherwise by name (transliteration-aware,
/// with known exonyms). Never a contradiction: a migrant is last seen at a different point of the route
/// by each agency that met them.
/// </summary>
internal static class PlaceProximity
{
    private const double SameNameFloor = 0.85;

    // Every token of the shorter name matches: "Tripoli, Libya" is the same place as "طرابلس".
    private static bool SameName(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        var shorter = Math.Min(a.Count, b.Count);
        var alignment = TokenAlignment.Align(a, b);
        return shorter > 0 && alignment.Count == shorter && alignment.All(p => p.Match.Score >= SameNameFloor);
    }

    public static Evidence? Compare(PlaceDescription? a, PlaceDescription? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (a.Coordinates is { } pointA && b.Coordinates is { } pointB)
        {
            var km = pointA.DistanceKmTo(pointB);
            return km switch
            {
                <= 10 => Evidence.Agreement(1, $"last seen within {km:0} km"),
                <= 50 => Evidence.Agreement(0.7, $"last seen {km:0} km apart"),
                <= 200 => Evidence.Agreement(0.3, $"last seen {km:0} km apart"),
                _ => Evidence.Agreement(0, $"last seen {km:0} km apart"),
            };
        }

        var tokensA = NameTokenizer.Tokenize(new NameVariant(a.Name));
        var tokensB = NameTokenizer.Tokenize(new NameVariant(b.Name));
        if (KnownPlaceVariants.RowOf(tokensA) is { } rowA && rowA == KnownPlaceVariants.RowOf(tokensB))
        {
            return Evidence.Agreement(1, $"same last-seen place: {a.Name} ~ {b.Name} (known variant)");
        }

        return SameName(tokensA, tokensB)
            ? Evidence.Agreement(1, $"same last-seen place: {a.Name} ~ {b.Name}")
            : Evidence.Agreement(0.2, $"different last-seen place: {a.Name} / {b.Name}");
    }
}
