namespace CoordinationHub.Domain.Synthetic;

/// <summary>The circumstances in which the person was last seen.</summary>
public enum LastSeenContext
{
    ArmedConflict = 0,
    Detention = 1,
    MigrationRoute = 2,
    Displacement = 3,
}
