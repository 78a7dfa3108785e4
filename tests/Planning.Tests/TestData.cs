namespace Grid.Planning.Tests;

internal static class TestData
{
    /// <summary>The instances the tests use, from the repository's data/solomon, copied into the test output folder.</summary>
    public static string SolomonFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "solomon");

    public static string SolomonPath(string name)
    {
        var path = Path.Combine(SolomonFolder, name + ".txt");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Solomon instance {name} is not in data/solomon (or not listed in Grid.Planning.Tests.csproj)", path);
    }

    public static SolomonInstance Solomon(string name) => SolomonReader.ReadFile(SolomonPath(name));

    /// <summary>The six Gehring–Homberger instances, copied into tests/Planning.Tests/Data/homberger.</summary>
    public static string HombergerPath(string name, string extension = ".vrp")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "homberger", name + extension);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Homberger file {name}{extension} is not in tests/Planning.Tests/Data/homberger", path);
    }

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
