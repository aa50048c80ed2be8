using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Persistence;

/// <summary>How the hub and hubctl open and migrate the database, in one place so both agree.</summary>
public static class HubDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "trust"));
    }

    /// <summary>A context outside dependency injection, for hubctl's direct database commands.</summary>
    public static HubDbContext Open(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<HubDbContext>();
        Configure(builder, connectionString);
        return new HubDbContext(builder.Options);
    }

    /// <summary>
    /// Applies pending migrations. Safe with several replicas starting at once: EF Core serialises
    /// migrations with a database lock, and a replica that finds none pending does nothing.
    /// </summary>
    public static Task MigrateAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.MigrateAsync(cancellationToken);
    }
}
