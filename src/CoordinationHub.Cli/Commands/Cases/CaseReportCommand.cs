using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;
using Google.Protobuf;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// <c>hubctl cases report</c>: one agency's report of a missing person (CasesService/ReportMissingPerson).
/// The common identity and last-seen fields are options; anything else (family contacts, antemortem
/// data, genetic references) comes from a proto3 JSON file of <c>CaseSections</c>, as an adapter would send it.
/// </summary>
internal static class CaseReportCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Option<string>("--reference") { Description = "Your agency's own reference for the case (its file number)", Required = true, HelpName = "ref" };
        var names = new Option<string[]>("--name") { Description = "A full name in Arabic or Latin script (repeatable; the script is detected)", Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [] };
        var sex = EnumOptions.Create("--sex", CaseVocabulary.Sexes, "Sex as recorded");
        var born = new Option<string?>("--born") { Description = "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "date" };
        var nationality = new Option<string?>("--nationality") { Description = "ISO 3166-1 alpha-2 country code, for example SY", HelpName = "code" };
        var place = new Option<string?>("--place") { Description = "Place last seen", HelpName = "text" };
        var country = new Option<string?>("--country") { Description = "Country last seen in, ISO alpha-2", HelpName = "code" };
        var seen = new Option<string?>("--seen") { Description = "Date last seen: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "date" };
        var context = EnumOptions.Create("--context", CaseVocabulary.Contexts, "Circumstances of the disappearance");
        var narrative = new Option<string?>("--narrative") { Description = "What happened, in words", HelpName = "text" };
        var sectionsFile = new Option<FileInfo?>("--sections") { Description = "A proto3 JSON file of coordination.v1.CaseSections for everything else; the options above override its fields", HelpName = "file.json" };
        var caseId = new Option<string?>("--case") { Description = "Attach the report to this existing hub case instead of creating one", HelpName = "case-id" };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "Idempotency key; defaults to 'report:<reference>', so running the same report twice never creates a second case",
            HelpName = "id",
        };
        var command = new Command(
            "report",
            "Report a missing person for your agency (CasesService/ReportMissingPerson; needs cases.write). Creates a case, or attaches the " +
            "report to --case. Prints the hub case id and any possible duplicates the hub flagged (never merged silently; see 'cases resolve').")
        {
            reference, names, sex, born, nationality, place, country, seen, context, narrative, sectionsFile, caseId, requestId,
        };
        command.SetHubAction(globals, console, async call =>
        {
            var parse = call.ParseResult;
            var sections = parse.GetValue(sectionsFile) is { } file ? ReadSections(file) : new CaseSections();
            var identity = sections.Identity ??= new PersonIdentity();
            identity.Names.AddRange(parse.GetValue(names)!.Select(name => new PersonName { FullName = name }));
            if (parse.Read(sex, CaseVocabulary.Sexes) is var s and not Sex.Unspecified)
            {
                identity.Sex = s;
            }

            if (parse.GetValue(born) is { } birth)
            {
                identity.DateOfBirth = PartialDates.Parse(birth, "--born");
            }

            identity.Nationality = parse.GetValue(nationality) ?? identity.Nationality;
            var lastSeen = sections.Circumstances ??= new LastSeen();
            lastSeen.Place = parse.GetValue(place) ?? lastSeen.Place;
            lastSeen.Country = parse.GetValue(country) ?? lastSeen.Country;
            lastSeen.Narrative = parse.GetValue(narrative) ?? lastSeen.Narrative;
            if (parse.GetValue(seen) is { } seenText)
            {
                lastSeen.Date = PartialDates.Parse(seenText, "--seen");
            }

            if (parse.Read(context, CaseVocabulary.Contexts) is var c and not DisappearanceContext.Unspecified)
            {
                lastSeen.Context = c;
            }

            var localReference = parse.GetRequiredValue(reference);
            var request = new ReportMissingPersonRequest
            {
                RequestId = parse.GetValue(requestId) ?? "report:" + localReference,
                CaseId = parse.GetValue(caseId) ?? string.Empty,
                LocalReference = localReference,
                Sections = sections,
            };
            var response = await call.Hub.UnaryAsync(CasesServiceMethods.ReportMissingPerson, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(response, CaseViews.Reported);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static CaseSections ReadSections(FileInfo file)
    {
        try
        {
            return JsonParser.Default.Parse<CaseSections>(File.ReadAllText(file.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new CliUsageException($"--sections: cannot read {file.FullName} as coordination.v1.CaseSections JSON: {ex.Message}", ex);
        }
    }
}
