using System.Globalization;

namespace Grid.Planning;

/// <summary>
/// Synthetic Xianning-like days: residents clustered in villages and communities within about
/// 20 km of the city centre, half-day and full-day windows, a few skills, and workers who know
/// the residents near their own base.
/// </summary>
public static class InstanceGenerator
{
    private const double CenterLat = 29.84;
    private const double CenterLng = 114.32;
    private const double KmPerDegLat = 111.2;
    private static readonly string[] Skills = ["disability", "medical", "legal"];

    /// <summary>Urgent visits that arrive at <paramref name="now"/>: next to a random visit of the day, 20 minutes, due within three hours, priority 3.</summary>
    public static IReadOnlyList<Visit> UrgentVisits(PlanningInstance day, int count, int now, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(k =>
        {
            var near = day.Visits[rng.Next(day.Visits.Count)];
            return new Visit($"urgent-{k + 1}", $"urgent-resident-{k + 1}", Math.Round(near.Lat + 0.002, 6), Math.Round(near.Lng - 0.002, 6), 20, now, now + 180, [], 3);
        }).ToList();
    }

    public static PlanningInstance Generate(int visits, int workers, int seed)
    {
        var rng = new Random(seed);
        var kmPerDegLng = KmPerDegLat * Math.Cos(CenterLat * Math.PI / 180);
        var clusters = Math.Max(2, visits / 12);
        var centers = Enumerable.Range(0, clusters)
            .Select(_ => (X: (rng.NextDouble() - 0.5) * 20, Y: (rng.NextDouble() - 0.5) * 20)).ToArray();
        (double Lat, double Lng) Near((double X, double Y) c, double sigmaKm) =>
            (Math.Round(CenterLat + (c.Y + Gaussian(rng) * sigmaKm) / KmPerDegLat, 6),
             Math.Round(CenterLng + (c.X + Gaussian(rng) * sigmaKm) / kmPerDegLng, 6));

        var visitList = new List<Visit>(visits);
        var residentCluster = new List<int>();
        for (var i = 0; i < visits; i++)
        {
            var cluster = rng.Next(clusters);
            var (lat, lng) = Near(centers[cluster], 0.8);
            var resident = residentCluster.Count > 0 && rng.NextDouble() < 0.1 ? rng.Next(residentCluster.Count) : -1;
            if (resident < 0) { resident = residentCluster.Count; residentCluster.Add(cluster); }
            var (earliest, latest) = Window(rng);
            var skills = rng.NextDouble() switch { < 0.15 => new[] { Skills[0] }, < 0.22 => [Skills[1]], < 0.25 => [Skills[2]], _ => [] };
            var priority = rng.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
            visitList.Add(new Visit(Id("v", i + 1), Id("r", resident + 1), lat, lng, 15 + 5 * rng.Next(10), earliest, latest, skills, priority));
        }

        var workerList = new List<Worker>(workers);
        for (var w = 0; w < workers; w++)
        {
            var cluster = rng.Next(clusters);
            var (lat, lng) = Near(centers[cluster], 1.5);
            var (start, end) = rng.NextDouble() switch { < 0.7 => (8 * 60 + 30, 17 * 60 + 30), < 0.85 => (8 * 60, 12 * 60), _ => (13 * 60 + 30, 17 * 60 + 30) };
            var skills = Skills.Where((_, k) => rng.NextDouble() < (k == 0 ? 0.4 : 0.2)).ToList();
            var familiar = Enumerable.Range(0, residentCluster.Count)
                .Where(r => residentCluster[r] == cluster && rng.NextDouble() < 0.7)
                .Select(r => Id("r", r + 1)).ToList();
            workerList.Add(new Worker(Id("w", w + 1), lat, lng, start, end, 6 + rng.Next(5), skills, familiar));
        }
        return new PlanningInstance($"xianning-synthetic-{visits}-{workers}-{seed}", 25, 1.3, workerList, visitList);
    }

    private static (int Earliest, int Latest) Window(Random rng)
    {
        var kind = rng.NextDouble();
        if (kind < 0.35) return (8 * 60 + 30, 11 * 60 + 30);
        if (kind < 0.65) return (13 * 60 + 30, 16 * 60 + 30);
        if (kind < 0.85) return (8 * 60 + 30, 16 * 60 + 30);
        var start = 9 * 60 + 30 * rng.Next(14);
        return (start, start + 60);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static string Id(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
}
