using CoordinationHub.Samples.LabAdapter;

// lab-adapter --hub https://localhost:7443 --cert lab.pem --key lab.key --ca ca.pem --case MP-2026-000042
//             [--sample LAB-2026-0042-F] [--site "Mass grave site B-12"] [--cursor-dir .lab-cursor] [--officer dr-rahman]
// Reports the identification, then prints notifications until Ctrl+C.
if (LabAdapterOptions.TryParse(args, out var options, out var error) is false)
{
    await Console.Error.WriteLineAsync(error + Environment.NewLine + LabAdapterOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await LabAdapter.RunAsync(options, Console.Out, stop.Token);
