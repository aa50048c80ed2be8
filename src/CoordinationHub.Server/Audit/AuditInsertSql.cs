using System.Globalization;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The INSERT of one new audit entry as EF Core itself would send it, taken from EF Core's model
/// of <see cref="AuditRecord"/>: every column but the identity, so an entry written beside EF Core
/// cannot drift from one written through it. Seq, prev_hash and hash go as the record holds them:
/// sealed by the hub on an owned chain, or seq 0 for the trigger audit.seal_entry to seal on a
/// database-sealed lane (<see cref="AuditChain"/>). Nothing is read back.
/// </summary>
internal sealed class AuditInsertSql
{
    private static readonly Lock CacheLock = new();
    private static AuditInsertSql? s_cached;

    private readonly IModel _model;
    private readonly string _head;
    private readonly IClrPropertyGetter[] _getters;
    private readonly string?[] _named = new string?[16];

    private AuditInsertSql(IModel model)
    {
        _model = model;
        var entityType = model.FindEntityType(typeof(AuditRecord))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save)
            .ToArray();
        _getters = Array.ConvertAll(columns, c => c.GetGetter());
        _head = $"INSERT INTO {Quote(table.Schema!)}.{Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)))}) VALUES (";
        Positional = Statement(i => "$" + (i + 1));
    }

    /// <summary>The statement with parameters $1 … $n, for a batch command of its own.</summary>
    public string Positional { get; }

    /// <summary>The statement for <paramref name="model"/>, built once per model.</summary>
    public static AuditInsertSql For(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (CacheLock)
        {
            if (s_cached is not { } cached || !ReferenceEquals(cached._model, model))
            {
                s_cached = cached = new AuditInsertSql(model);
            }

            return cached;
        }
    }

    /// <summary>
    /// The statement for the <paramref name="entry"/>-th entry appended to a command of EF Core's,
    /// whose parameters are named: @audit{entry}_0 …, as <see cref="Parameters"/> names them.
    /// </summary>
    public string Named(int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        if (entry >= _named.Length)
        {
            return Statement(i => "@" + ParameterName(entry, i));
        }

        // A benign race: two threads may build the same string once each.
        return _named[entry] ??= Statement(i => "@" + ParameterName(entry, i));
    }

    /// <summary>
    /// The values of <paramref name="record"/>, in column order: unnamed for <see cref="Positional"/>,
    /// or named as the <paramref name="namedAsEntry"/>-th entry of <see cref="Named"/>.
    /// </summary>
    public IEnumerable<NpgsqlParameter> Parameters(AuditRecord record, int? namedAsEntry = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var i = 0; i < _getters.Length; i++)
        {
            var parameter = new NpgsqlParameter { Value = _getters[i].GetClrValue(record) ?? DBNull.Value };
            if (namedAsEntry is { } entry)
            {
                parameter.ParameterName = ParameterName(entry, i);
            }

            yield return parameter;
        }
    }

    private static string ParameterName(int entry, int column) => string.Create(CultureInfo.InvariantCulture, $"audit{entry}_{column}");

    private string Statement(Func<int, string> placeholder) => _head + string.Join(", ", Enumerable.Range(0, _getters.Length).Select(placeholder)) + ")";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
