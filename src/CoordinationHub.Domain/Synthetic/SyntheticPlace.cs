using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Synthetic;

/// <summary>A town with its governorate, country (ISO 3166-1 alpha-3) and approximate centre.</summary>
public sealed record SyntheticPlace(string Country, string Governorate, SyntheticName Town, GeoPoint Centre);
