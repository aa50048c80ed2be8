using System.CommandLine;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>
/// <c>--scope</c>, <c>--category</c> and <c>--purpose</c>: an agency's claims on the command line,
/// each repeatable or comma-separated. Categories and purposes are checked here (they are enums on
/// the wire); scopes are left to the hub, which owns that list and answers INVALID_ARGUMENT.
/// </summary>
internal sealed class ClaimOptions
{
    public ClaimOptions()
    {
        Scopes = Create("--scope", "Scope the agency may call with (repeatable), for example cases.read, referrals.write, agencies.admin");
        Categories = Create("--category", $"Data category the agency may see (repeatable): {string.Join(", ", AgencyVocabulary.Categories.Names)}");
        Purposes = Create("--purpose", $"Purpose the agency may ask for (repeatable): {string.Join(", ", AgencyVocabulary.Purposes.Names)}");
        Categories.Validators.Add(result => Check(result, AgencyVocabulary.Categories, "--category"));
        Purposes.Validators.Add(result => Check(result, AgencyVocabulary.Purposes, "--purpose"));
    }

    public Option<string[]> Scopes { get; }

    public Option<string[]> Categories { get; }

    public Option<string[]> Purposes { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Scopes);
        command.Options.Add(Categories);
        command.Options.Add(Purposes);
    }

    public AgencyClaims Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var claims = new AgencyClaims();
        claims.Scopes.AddRange(Values(parseResult.GetValue(Scopes)));
        claims.DataCategories.AddRange(Values(parseResult.GetValue(Categories)).Select(name => Parse(AgencyVocabulary.Categories, name)));
        claims.Purposes.AddRange(Values(parseResult.GetValue(Purposes)).Select(name => Parse(AgencyVocabulary.Purposes, name)));
        return claims;
    }

    private static Option<string[]> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "name",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    private static IEnumerable<string> Values(string[]? given) =>
        (given ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static TEnum Parse<TEnum>(ProtoEnumNames<TEnum> names, string name)
        where TEnum : struct, Enum =>
        names.TryParse(name, out var value) ? value : throw new InvalidOperationException($"'{name}' passed validation but is not a name.");

    private static void Check<TEnum>(System.CommandLine.Parsing.OptionResult result, ProtoEnumNames<TEnum> names, string option)
        where TEnum : struct, Enum
    {
        foreach (var name in Values(result.GetValueOrDefault<string[]>()))
        {
            if (!names.TryParse(name, out _))
            {
                result.AddError($"{option}: unknown '{name}'; known: {string.Join(", ", names.Names)}.");
            }
        }
    }
}
