using Microsoft.Extensions.Configuration;

namespace Grid.Grains.Seeding;

/// <summary>
/// How the demo seed runs: whether at all, which counties get people, the demo password, where data
/// lives, and whether regions and people are written in bulk (when the storage can) or grain by grain.
/// </summary>
public sealed record SeedSettings(
    bool Enabled,
    IReadOnlyList<string> PeopleCounties,
    string? DemoPassword,
    string DataPath,
    string ReferenceDataPath,
    bool People = true,
    bool Bulk = true)
{
    /// <summary>
    /// A cluster silo's seed settings from its "Grid" section: the demo city only when
    /// <c>Seed:Demo</c> is true, so a real deployment never writes demo people or accounts.
    /// </summary>
    public static SeedSettings ForCluster(IConfiguration grid, string dataPath, string referenceDataPath) => new(
        Enabled: grid.GetValue("Seed:Demo", false) && grid.GetValue("Seed:Enabled", true),
        PeopleCounties: grid.GetSection("Seed:PeopleCounties").Get<string[]>() ?? [],
        DemoPassword: grid["Demo:Password"],
        DataPath: dataPath,
        ReferenceDataPath: referenceDataPath,
        People: grid.GetValue("Seed:People", true),
        Bulk: grid.GetValue("Seed:Bulk", true));
}

/// <summary>Whether the seed has finished; readiness waits for it.</summary>
public sealed class SeedStatus
{
    private volatile bool _completed;

    public bool Completed { get => _completed; set => _completed = value; }
    public string Message { get; set; } = "Seeding has not started.";
}
