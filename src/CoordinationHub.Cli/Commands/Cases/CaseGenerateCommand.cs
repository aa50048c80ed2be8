using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Synthetic;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// <c>hubctl cases generate</c>: fills a demo or test hub with generated missing persons (the
/// deterministic generator of realistic Arabic and Latin names, places and dates), reported by the
/// calling agency exactly as an adapter reports. Request ids derive from the seed and the person's
/// number, so a re-run with the same seed creates nothing twice.
/// </summary>
internal static class CaseGenerateCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var count = new Option<int>("--count") { Description = "How many persons to report", DefaultValueFactory = _ => 100, HelpName = "n" };
        var seed = new Option<int>("--seed") { Description = "Generator seed: the same seed reports the same persons", DefaultValueFactory = _ => 1, HelpName = "n" };
        var command = new Command(
            "generate",
            "Report generated missing persons as your agency, to fill a demo or test hub (CasesService/ReportMissingPerson; needs cases.write). " +
            "Never against a production hub: the persons are invented. Re-running with the same --seed creates nothing twice.")
        { count, seed };
        // On the option, not the command: a command validator reads an option left at its default as 0.
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                result.AddError("--count must be 1 to 100000.");
            }
        });
        command.SetHubAction(globals, console, async call =>
        {
            var total = call.ParseResult.GetValue(count);
            var generatorSeed = call.ParseResult.GetValue(seed);
            var generator = new SyntheticPersonGenerator(generatorSeed);
            var summary = new GenerationSummary();
            for (var i = 1; i <= total; i++)
            {
                var person = generator.NextPerson();
                var request = new ReportMissingPersonRequest
                {
                    RequestId = FormattableString.Invariant($"generate:{generatorSeed}:{person.Number}"),
                    LocalReference = FormattableString.Invariant($"GEN-{generatorSeed}-{person.Number:D6}"),
                    Sections = SyntheticReports.Sections(person.Report),
                };
                try
                {
                    var response = await call.Hub.UnaryAsync(CasesServiceMethods.ReportMissingPerson, request, call.CancellationToken).ConfigureAwait(false);
                    summary.Count(response);
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.FailedPrecondition)
                {
                    // One bad person must not stop the fill; the summary counts it and says why.
                    summary.Fail(ex.Status.Detail);
                }

                if (i % 100 == 0 || i == total)
                {
                    await console.Error.WriteLineAsync(FormattableString.Invariant($"hubctl: reported {i}/{total}")).ConfigureAwait(false);
                }
            }

            call.Output.WriteObject(summary, GenerationSummary.View);
            return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.RpcError;
        });
        return command;
    }

    /// <summary>What a fill did, counted by outcome.</summary>
    private sealed class GenerationSummary
    {
        public static OutputView<GenerationSummary> View { get; } = new(
            [
                new("Created", s => s.Created.ToString(CultureInfo.InvariantCulture)),
                new("Already there (same request id)", s => s.Repeated.ToString(CultureInfo.InvariantCulture)),
                new("Flagged as possible duplicates", s => s.Flagged.ToString(CultureInfo.InvariantCulture)),
                new("Failed", s => s.Failed.ToString(CultureInfo.InvariantCulture)),
                new("First failure", s => s.FirstFailure),
            ],
            s => new JsonObject { ["created"] = s.Created, ["repeated"] = s.Repeated, ["flagged"] = s.Flagged, ["failed"] = s.Failed, ["firstFailure"] = s.FirstFailure });

        public int Created { get; private set; }

        public int Repeated { get; private set; }

        public int Flagged { get; private set; }

        public int Failed { get; private set; }

        public string FirstFailure { get; private set; } = string.Empty;

        public void Count(ReportMissingPersonResponse response)
        {
            if (response.Replayed)
            {
                Repeated++;
            }
            else if (response.Created)
            {
                Created++;
            }

            if (response.PossibleDuplicates.Count > 0)
            {
                Flagged++;
            }
        }

        public void Fail(string detail)
        {
            Failed++;
            if (FirstFailure.Length == 0)
            {
                FirstFailure = detail;
            }
        }
    }
}
