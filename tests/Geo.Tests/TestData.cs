namespace Grid.Geo.Tests;

/// <summary>Finds data/xianning in the repository (GRID_DATA_DIR overrides it).</summary>
public static class TestData
{
    public static string Directory { get; } = Find();

    public static string DivisionsCsv => Path.Combine(Directory, "xianning_divisions_nbs2023.csv");

    public static string SeatsCsv => Path.Combine(Directory, "xianning_county_seats_geonames.csv");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("GRID_DATA_DIR") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "xianning");
            if (File.Exists(Path.Combine(candidate, "xianning_divisions_nbs2023.csv")))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("data/xianning not found; set GRID_DATA_DIR.");
    }
}
