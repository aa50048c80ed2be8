namespace CoordinationHub.Interop;

/// <summary>Finds the repository root so default certificate paths work from any working directory.</summary>
public static class RepositoryPaths
{
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoordinationHub.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
