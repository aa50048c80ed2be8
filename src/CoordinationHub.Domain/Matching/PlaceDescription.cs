namespace CoordinationHub.Domain.Matching;

/// <summary>A reported place: its name in whatever script the agency used, and coordinates when known.</summary>
public sealed record PlaceDescription(string Name, GeoPoint? Coordinates = null);
