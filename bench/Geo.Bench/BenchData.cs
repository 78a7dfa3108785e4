using Grid.Geo;

namespace Grid.Geo.Bench;

internal static class BenchData
{
    public static string FindDataDirectory(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }
        if (Environment.GetEnvironmentVariable("GRID_DATA_DIR") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "xianning") })
                {
                    if (File.Exists(Path.Combine(candidate, "xianning_divisions_nbs2023.csv")))
                    {
                        return candidate;
                    }
                }
            }
        }
        throw new FileNotFoundException("data/xianning not found; pass --data DIR or set GRID_DATA_DIR.");
    }

    public static GeographyModel BuildModel(string dataDirectory) => SyntheticGeography.Build(
        DivisionCsv.Read(Path.Combine(dataDirectory, "xianning_divisions_nbs2023.csv")),
        CountySeatCsv.Read(Path.Combine(dataDirectory, "xianning_county_seats_geonames.csv")));

    /// <summary>Uniform points over the city's envelope (about 3 in 4 fall inside the city).</summary>
    public static (double Lat, double Lng)[] Points(GeographyModel model, int count, int seed)
    {
        var random = new Random(seed);
        var env = model.City.EnvelopeInternal;
        return [.. Enumerable.Range(0, count).Select(_ => (
            env.MinY + random.NextDouble() * env.Height,
            env.MinX + random.NextDouble() * env.Width))];
    }
}
