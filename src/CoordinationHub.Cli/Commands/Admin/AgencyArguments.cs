using System.CommandLine;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>Arguments and options several admin commands share, defined once so their help reads the same.</summary>
internal static class AgencyArguments
{
    public static Argument<string> AgencyId() => new("agency-id")
    {
        Description = "The agency's id: 3-63 lower-case letters, digits and inner hyphens, for example interior-cid",
    };

    public static Option<string> Reason(string what) => new("--reason")
    {
        Description = $"Why the agency is {what}; required, written to the audit log and shown to the agency's operators",
        HelpName = "text",
        Required = true,
    };
}
