namespace Grid.Grains.Seeding;

/// <summary>How the demo seed runs: whether at all, which counties get people, the demo password and where data lives.</summary>
public sealed record SeedSettings(
    bool Enabled,
    IReadOnlyList<string> PeopleCounties,
    string? DemoPassword,
    string DataPath,
    string ReferenceDataPath,
    bool People = true);

/// <summary>Whether the seed has finished; readiness waits for it.</summary>
public sealed class SeedStatus
{
    private volatile bool _completed;

    public bool Completed { get => _completed; set => _completed = value; }
    public string Message { get; set; } = "Seeding has not started.";
}
