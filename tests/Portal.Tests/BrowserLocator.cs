namespace Grid.Portal.Tests;

/// <summary>
/// Finds Chromium: GRID_CHROMIUM (a path) first, then `chromium`, `chromium-browser`, `google-chrome` on PATH.
/// Without one the browser tests skip on a developer's machine, and fail in CI (CI=true) where a skip would hide them.
/// </summary>
public static class BrowserLocator
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static readonly string? Configured = Environment.GetEnvironmentVariable("GRID_CHROMIUM");

    public static string? Executable { get; } = Find(Configured, Environment.GetEnvironmentVariable("PATH"));

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing => string.IsNullOrWhiteSpace(Configured)
        ? "No Chromium found: set GRID_CHROMIUM to its path, or put chromium, chromium-browser or google-chrome on PATH (ops/install-deps installs Debian's chromium)"
        : $"GRID_CHROMIUM={Configured} is not a file";

    /// <summary>Why the browser tests do not run here, or null when they run (a browser exists, or CI must fail without one).</summary>
    public static string? SkipReason => Executable is null && !InCi ? Missing : null;

    public static string? Find(string? configured, string? path)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A configured path that does not exist is a mistake to report, not a reason to look elsewhere.
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        var folders = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }
}

/// <summary>A browser test: skipped with <see cref="BrowserLocator.Missing"/> only outside CI when no Chromium exists.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserLocator.SkipReason is { } reason) Skip = reason;
    }
}
