using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary><c>hubctl admin agencies register</c> and <c>update-claims</c>: who an agency is and what it may do.</summary>
internal static class AgencyChangeCommands
{
    public static Command Register(GlobalOptions globals, CliConsole console)
    {
        var agencyId = AgencyArguments.AgencyId();
        var name = new Option<string>("--name") { Description = "Display name, for example \"Ministry of Interior, CID\"", HelpName = "text", Required = true };
        var kind = new Option<string>("--kind") { Description = $"Kind of agency: {string.Join(", ", AgencyVocabulary.Kinds.Names)}", HelpName = "kind", Required = true };
        kind.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !AgencyVocabulary.Kinds.TryParse(value, out _))
            {
                result.AddError($"--kind: unknown '{value}'; known: {string.Join(", ", AgencyVocabulary.Kinds.Names)}.");
            }
        });
        var claims = new ClaimOptions();
        var command = new Command(
            "register",
            "Register a new agency, active at once, with the claims given (AgenciesService/RegisterAgency). It cannot connect until a certificate is " +
            "enrolled for it (admin certificates enroll). Audited with your agency and --officer.")
        {
            agencyId, name, kind,
        };
        claims.AddTo(command);
        command.SetHubAction(globals, console, async context =>
        {
            // Checked by the option's validator before the action runs.
            _ = AgencyVocabulary.Kinds.TryParse(context.ParseResult.GetRequiredValue(kind), out var agencyKind);
            var request = new RegisterAgencyRequest
            {
                AgencyId = context.ParseResult.GetRequiredValue(agencyId),
                DisplayName = context.ParseResult.GetRequiredValue(name),
                Kind = agencyKind,
                Claims = claims.Read(context.ParseResult),
            };
            var agency = await context.Hub.UnaryAsync(AgenciesServiceMethods.RegisterAgency, request, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteObject(agency, AgencyViews.AgencyDetail);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command UpdateClaims(GlobalOptions globals, CliConsole console)
    {
        var agencyId = AgencyArguments.AgencyId();
        var etag = new Option<string?>("--etag") { Description = "Only if the agency is unchanged since it was read with this etag (admin agencies get); refused with ABORTED otherwise", HelpName = "etag" };
        var claims = new ClaimOptions();
        var command = new Command(
            "update-claims",
            "Replace an agency's claims with exactly those given: list every scope, category and purpose it keeps (AgenciesService/UpdateAgencyClaims). " +
            "Takes effect on its next call on every hub replica, even with a live token. Audited with your agency and --officer.")
        {
            agencyId, etag,
        };
        claims.AddTo(command);
        command.SetHubAction(globals, console, async context =>
        {
            var request = new UpdateAgencyClaimsRequest
            {
                AgencyId = context.ParseResult.GetRequiredValue(agencyId),
                Claims = claims.Read(context.ParseResult),
                Etag = context.ParseResult.GetValue(etag) ?? string.Empty,
            };
            var agency = await context.Hub.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims, request, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteObject(agency, AgencyViews.AgencyDetail);
            return ExitCodes.Ok;
        });
        return command;
    }
}
