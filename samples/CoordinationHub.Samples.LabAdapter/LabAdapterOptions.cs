namespace CoordinationHub.Samples.LabAdapter;

/// <summary>The laboratory adapter's settings, from its command line.</summary>
public sealed record LabAdapterOptions(
    Uri Hub,
    string CertificatePath,
    string KeyPath,
    string? TrustedRootsPath,
    string CaseId,
    string SampleReference,
    string Site,
    string CursorDirectory,
    string? OfficerId)
{
    public const string Usage =
        "usage: lab-adapter --hub URL --cert PEM --key PEM [--ca PEM] --case CASE_ID [--sample REF] [--site TEXT] [--cursor-dir DIR] [--officer ID]";

    private static readonly string[] Required = ["hub", "cert", "key", "case"];

    public static bool TryParse(IReadOnlyList<string> args, out LabAdapterOptions options, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                (options, error) = (null!, $"expected --name value pairs, not '{args[i]}'");
                return false;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var missing = Required.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0 || !Uri.TryCreate(values.GetValueOrDefault("hub"), UriKind.Absolute, out var hub))
        {
            (options, error) = (null!, missing.Count > 0 ? "missing: --" + string.Join(", --", missing) : "--hub must be an absolute https:// URL");
            return false;
        }

        options = new LabAdapterOptions(
            hub, values["cert"], values["key"], values.GetValueOrDefault("ca"), values["case"],
            values.GetValueOrDefault("sample") ?? "LAB-SAMPLE-1", values.GetValueOrDefault("site") ?? "not recorded",
            values.GetValueOrDefault("cursor-dir") ?? ".lab-adapter", values.GetValueOrDefault("officer"));
        error = string.Empty;
        return true;
    }
}
