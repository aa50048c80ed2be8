namespace CoordinationHub.Server.Persistence;

/// <summary>
/// A record whose optimistic concurrency the database enforces with a trigger (ADR 0018): the
/// UPDATE carries <see cref="ExpectedVersion"/>, and the trigger raises serialization_failure unless
/// the row's version still equals it. Implementing this is how a table joins
/// <see cref="DatabaseGuardedVersions"/>; its migration must install the trigger.
/// </summary>
public interface IDatabaseGuardedVersion
{
    /// <summary>The row's version (PostgreSQL's <c>xmin</c>) as read.</summary>
    uint Version { get; }

    /// <summary>The version the writer read, sent with the UPDATE; the trigger stores NULL.</summary>
    uint? ExpectedVersion { get; set; }
}
