using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Consents;

/// <summary>
/// <c>--purpose</c>, <c>--category</c>, <c>--to-agency</c> and <c>--to-kind</c>: what a consent or a
/// legal authorisation lets whom see, as one <see cref="DisclosureScope"/>.
/// </summary>
internal sealed class DisclosureScopeOptions
{
    private readonly ClaimOptions _claims = new();

    public DisclosureScopeOptions(string grant)
    {
        _claims.Purposes.Description = $"Purpose the {grant} allows (repeatable): {string.Join(", ", AgencyVocabulary.Purposes.Names)}";
        _claims.Categories.Description = $"Data category the {grant} covers (repeatable): {string.Join(", ", AgencyVocabulary.Categories.Names)}";
        ToAgency = new Option<string[]>("--to-agency") { Description = "A recipient agency (repeatable)", Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [], HelpName = "agency-id" };
        ToKind = new Option<string[]>("--to-kind")
        {
            Description = $"Every agency of this kind is a recipient (repeatable): {string.Join(", ", AgencyVocabulary.Kinds.Names)}",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [],
            HelpName = "kind",
        };
        ToKind.Validators.Add(result =>
        {
            foreach (var kind in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!AgencyVocabulary.Kinds.TryParse(kind, out _))
                {
                    result.AddError($"--to-kind: unknown '{kind}'; known: {string.Join(", ", AgencyVocabulary.Kinds.Names)}.");
                }
            }
        });
    }

    public Option<string[]> ToAgency { get; }

    public Option<string[]> ToKind { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_claims.Purposes);
        command.Options.Add(_claims.Categories);
        command.Options.Add(ToAgency);
        command.Options.Add(ToKind);
    }

    public DisclosureScope Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var claims = _claims.Read(parseResult);
        var scope = new DisclosureScope { Purposes = { claims.Purposes }, DataCategories = { claims.DataCategories }, RecipientAgencyIds = { parseResult.GetValue(ToAgency)! } };
        foreach (var kind in parseResult.GetValue(ToKind)!)
        {
            scope.RecipientAgencyKinds.Add(AgencyVocabulary.Kinds.TryParse(kind, out var value) ? value : throw new InvalidOperationException($"'{kind}' passed validation but is not a kind."));
        }

        return scope;
    }

    /// <summary>The scope as one table cell's lines: purposes, categories, recipients.</summary>
    public static string Describe(DisclosureScope? scope) => scope is null ? string.Empty : string.Join(
        "\n",
        "for " + string.Join(", ", scope.Purposes.Select(AgencyVocabulary.Purposes.NameOf)),
        "of " + string.Join(", ", scope.DataCategories.Select(AgencyVocabulary.Categories.NameOf)),
        "to " + string.Join(", ", scope.RecipientAgencyIds.Concat(scope.RecipientAgencyKinds.Select(k => "every " + AgencyVocabulary.Kinds.NameOf(k)))));
}
