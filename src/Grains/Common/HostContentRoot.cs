namespace Grid.Grains.Common;

/// <summary>
/// Where a host finds its appsettings.json. <c>dotnet run --project</c> starts in the project folder, but the
/// cluster scripts and benchmarks start the built dll from the repository root, where there is none: the host
/// then ran on defaults alone (every framework log at Information, ten lines per request). The build copies
/// appsettings.json beside the dll, so that folder is the content root whenever the working folder has none.
/// Relative data paths still resolve against the working folder. Null (the host's own choice, which test
/// factories set) whenever the working folder has its settings.
/// </summary>
public static class HostContentRoot
{
    public static string? Resolve() => Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string? Choose(string workingDirectory, string appDirectory) =>
        !File.Exists(Path.Combine(workingDirectory, "appsettings.json")) && File.Exists(Path.Combine(appDirectory, "appsettings.json"))
            ? appDirectory : null;
}
