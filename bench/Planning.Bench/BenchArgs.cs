using System.Globalization;

namespace Grid.Planning.Bench;

internal static class BenchArgs
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static double Seconds(string[] args, double fallback) =>
        Option(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
