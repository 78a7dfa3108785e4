namespace Grid.Planning.Tests;

internal static class TestData
{
    public static string SolomonFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "solomon");
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("shared/data/solomon beside the repository");
        }
    }

    public static SolomonInstance Solomon(string name) => SolomonReader.ReadFile(Path.Combine(SolomonFolder, name + ".txt"));

    /// <summary>Two workers, four visits, hand-checkable.</summary>
    public static PlanningInstance Tiny() => new(
        "tiny", 25, 1.3,
        [
            new Worker("w1", 29.84, 114.32, 8 * 60, 17 * 60, 2, ["disability"], ["r1"]),
            new Worker("w2", 29.85, 114.33, 8 * 60, 12 * 60, 3, [], []),
        ],
        [
            new Visit("v1", "r1", 29.845, 114.325, 30, 9 * 60, 10 * 60, ["disability"], 2),
            new Visit("v2", "r2", 29.846, 114.331, 20, 8 * 60, 16 * 60, [], 1),
            new Visit("v3", "r3", 29.852, 114.335, 15, 8 * 60 + 30, 11 * 60, [], 3),
            new Visit("v4", "r4", 29.830, 114.310, 45, 14 * 60, 15 * 60, [], 1),
        ]);
}
