using System.Data.Common;
using CoordinationHub.Server.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace CoordinationHub.Server.Persistence;

/// <summary>How the hub and hubctl open and migrate the database, in one place so both agree.</summary>
public static class HubDatabase
{
    /// <summary>Statements Npgsql keeps prepared per connection unless the connection string says otherwise (docs/adr/0017).</summary>
    public const int AutoPreparedStatements = 64;

    /// <summary>
    /// The hub's context options. <paramref name="sealer"/> is the replica's sealer slot, when it
    /// seals on chains of its own (docs/adr/0021); without it every entry goes to the database-sealed lanes.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, AuditChainOwnership? sealer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "trust"))
            .AddInterceptors(AuditInsertsInSaveBatch.Instance);
        if (sealer is not null)
        {
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new AuditSealingOptionsExtension(sealer));
        }

        return options;
    }

    /// <summary>
    /// The hub sends the same few dozen statements all day; without preparation PostgreSQL parses and
    /// plans each one on every call, which measured as most of its CPU per read (docs/benchmarks.md,
    /// 2026-11-24). Npgsql prepares a statement on a connection once it has been sent twice there.
    /// An operator's explicit <c>Max Auto Prepare</c> (0 turns it off) wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword exists at all; the
        // plain builder answers whether this connection string names it.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
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
