namespace CoordinationHub.Server.Persistence.Migrations.Sql;

/// <summary>
/// Raw SQL of the NameYearTerms migration, kept apart so the migration can be regenerated around
/// it: fills <c>name_year_terms</c> of existing cases as <c>NameKeyTerms.WithBirthYear(name_terms,
/// birth_year)</c> does (each term, '@', the birth year or '?', in the order of <c>name_terms</c>).
/// </summary>
internal static class NameYearTermsSql
{
    public const string FillNameYearTerms = """
        UPDATE cases.cases AS c SET name_year_terms = ARRAY(
            SELECT t.term || '@' || coalesce(c.birth_year::text, '?')
            FROM unnest(c.name_terms) WITH ORDINALITY AS t(term, n)
            ORDER BY t.n)
        """;

    public const string DropDefault = "ALTER TABLE cases.cases ALTER COLUMN name_year_terms DROP DEFAULT";
}
