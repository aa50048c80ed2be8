using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Persistence;

/// <summary>Where the hub keeps its record (section <c>Hub:Database</c>).</summary>
public sealed class HubDatabaseOptions
{
    public const string Section = "Hub:Database";

    /// <summary>Npgsql connection string, for example <c>Host=/run/hub-pg;Port=5432;Database=hub;Username=hub</c>.</summary>
    [Required(ErrorMessage = "Hub:Database:ConnectionString is required: the hub keeps its record in PostgreSQL.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Apply pending migrations at start. On by default so a replica never serves on an older
    /// schema; operators who migrate in a release step (<c>hubctl db migrate</c>) turn it off.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
