using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

/// <summary>
/// On SIGUSR1, writes <see cref="GC.GetTotalAllocatedBytes(bool)"/> of this process to the file named by
/// <c>BENCH_ALLOC_FILE</c> (write to a temporary name, then rename, so a reader never sees half a number).
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces",
    Justification = "The runtime looks for a type named exactly StartupHook, outside any namespace.")]
internal static class StartupHook
{
    // Raw signal numbers are allowed by PosixSignalRegistration on Unix; 10 is SIGUSR1 on Linux x64.
    private const PosixSignal SigUsr1 = (PosixSignal)10;

    private static PosixSignalRegistration? s_registration;

    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("BENCH_ALLOC_FILE");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        s_registration = PosixSignalRegistration.Create(SigUsr1, context =>
        {
            context.Cancel = true;
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, GC.GetTotalAllocatedBytes(precise: true).ToString(CultureInfo.InvariantCulture));
            File.Move(temporary, path, overwrite: true);
        });
    }
}
