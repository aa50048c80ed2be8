namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// Raw SQL of the NameKeySearchIndex migration, kept apart so the migration can be regenerated
/// around it: fills <c>name_terms</c> of existing cases as <c>NameKeyTerms.Of(name_keys)</c> does
/// (the keys, then every pair of two different keys in ordinal order, joined by '+').
/// </summary>
internal static class NameKeySearchIndexSql
{
    public const string FillNameTerms = """
        UPDATE cases.cases AS c SET name_terms = c.name_keys || ARRAY(
            SELECT a.key || '+' || b.key
            FROM unnest(c.name_keys) WITH ORDINALITY AS a(key, n), unnest(c.name_keys) WITH ORDINALITY AS b(key, m)
            WHERE a.key COLLATE "C" < b.key COLLATE "C"
            ORDER BY a.n, b.m);
        ALTER TABLE cases.cases ALTER COLUMN name_terms DROP DEFAULT;
        """;
}
