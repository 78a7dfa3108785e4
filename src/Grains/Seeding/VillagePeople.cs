using Grid.Geo;
using Grid.Grains.People;
using NetTopologySuite.IO;

namespace Grid.Grains.Seeding;

/// <summary>
/// What the seed puts in one village, computed without touching a grain: its grid cells, workers,
/// residents with their visits and the village directory. Both the grain path and the bulk path
/// store exactly this, so the two write the same states.
/// </summary>
public sealed record VillagePeople(
    IReadOnlyList<GridCellProfile> Cells,
    IReadOnlyList<WorkerProfile> Workers,
    IReadOnlyList<(ResidentProfile Profile, List<VisitRecord> Visits)> Residents)
{
    public const int ResidentsPerVillage = 50;
    public static readonly string[] Skills = ["elderly-care", "disability", "social-insurance", "medical-insurance", "civil-affairs", "housing"];
    private static readonly DateOnly AssignedFrom = new(2024, 1, 1);

    public IReadOnlyList<ResidentSummary> ResidentSummaries => Residents
        .Select(r => new ResidentSummary(r.Profile.Id, r.Profile.Name, r.Profile.Needs, r.Profile.GridId, r.Profile.CareLevel)).ToList();

    public IReadOnlyList<WorkerSummary> WorkerSummaries => Workers
        .Select(w => new WorkerSummary(w.Id, w.Name, w.Role, w.Grids.Select(g => g.GridId).ToList(), w.Active)).ToList();

    /// <summary>Deterministic per village: the random stream is seeded from the city seed and the village code.</summary>
    public static VillagePeople Build(Division village, GeographyModel geography, int seed) =>
        Build(village, geography, geography.GridsOf(village.Code12), seed);

    /// <param name="villageCells">The village's grid cells (a lookup built once saves a scan of the city's grids per village).</param>
    public static VillagePeople Build(Division village, GeographyModel geography, IEnumerable<GridCell> villageCells, int seed)
    {
        var people = new SyntheticPeople(seed ^ int.Parse(village.Code12[4..]));
        var random = people.Random;
        var cells = villageCells.OrderBy(g => g.GridId, StringComparer.Ordinal).ToList();
        var gridIds = cells.Select(c => c.GridId).ToList();

        var workers = new List<WorkerProfile>();
        for (var i = 0; i < cells.Count; i++)
            workers.Add(Worker(people, village, $"{village.Code12}-W{i + 1:00}", WorkerRole.GridWorker, [gridIds[i]], cells[i].Polygon, 8));
        var center = geography.Villages[village.Code12];
        workers.Add(Worker(people, village, $"{village.Code12}-P01", WorkerRole.PartyCadre, gridIds, center, 4));
        workers.Add(Worker(people, village, $"{village.Code12}-C01", WorkerRole.CommunityWorker, gridIds, center, 6));
        workers.Add(Worker(people, village, $"{village.Code12}-V01", WorkerRole.Volunteer, gridIds, center, 3));

        var residents = new List<(ResidentProfile, List<VisitRecord>)>();
        for (var n = 1; n <= ResidentsPerVillage; n++)
        {
            // R001 lives in the first grid, served by W01, so the demo resident's request reaches the demo
            // worker (README walk-through); the draw is still taken so every other resident stays put.
            var drawn = random.Next(cells.Count);
            var cell = n == 1 ? 0 : drawn;
            residents.Add(Resident(people, village, $"{village.Code12}-R{n:000}", cells[cell], workers[cell].Id, minVisits: n == 1 ? 3 : 0));
        }

        var writer = new WKTWriter();
        var profiles = cells.Select(cell => new GridCellProfile(
            cell.GridId, Geography.GridNames.For(village.Name, cell.GridId),
            village.Code12, writer.Write(cell.Polygon),
            workers.Where(w => w.Grids.Any(g => g.GridId == cell.GridId)).Select(w => w.Id).ToList(),
            residents.Where(r => r.Item1.GridId == cell.GridId).Select(r => r.Item1.Id).ToList())).ToList();
        return new VillagePeople(profiles, workers, residents);
    }

    private static WorkerProfile Worker(SyntheticPeople people, Division village, string id, WorkerRole role,
        IReadOnlyList<string> grids, NetTopologySuite.Geometries.Geometry area, int capacity)
    {
        var r = people.Random;
        var at = PolygonPoints.RandomPointIn(area, r);
        var skills = Skills.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).Order(StringComparer.Ordinal).ToList();
        var (start, end) = role == WorkerRole.Volunteer ? (new TimeOnly(9, 0), new TimeOnly(12, 0)) : (new TimeOnly(8, 30), new TimeOnly(17, 30));
        return new WorkerProfile(id, people.Name(), role, village.Code12,
            grids.Select(g => new GridAssignment(g, AssignedFrom, null)).ToList(), skills, capacity, start, end,
            people.Phone(), Active: true, at.Y, at.X);
    }

    /// <param name="minVisits">The fewest past visits by the grid worker (the demo resident has a few, so the worker knows them).</param>
    private static (ResidentProfile, List<VisitRecord>) Resident(SyntheticPeople people, Division village, string id, GridCell cell, string gridWorkerId, int minVisits = 0)
    {
        var r = people.Random;
        var needs = people.Needs();
        var name = people.Name();
        var home = PolygonPoints.RandomPointIn(cell.Polygon, r);
        var birth = people.BirthDate(needs.Contains(Need.Aged));
        var careLevel = needs.Count >= 2 || needs.Contains(Need.SeverelyIll) ? 3 : needs.Contains(Need.LivingAlone) ? 2 : 1;
        var profile = new ResidentProfile(id, name, people.IdNumber(village.CountyCode, birth), people.Phone(), needs, careLevel,
            home.Y, home.X, $"{village.CountyName}{village.Name}{r.Next(1, 60)}组{r.Next(1, 40)}号", cell.GridId, village.Code12,
            people.Proxies(name[..1]), new Consent(true, new DateTime(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc), "seed", "assisted-agency"));
        var visits = Enumerable.Range(0, Math.Max(minVisits, r.Next(0, 9)))
            .Select(i => new VisitRecord(new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(-14 * i), gridWorkerId, "care-visit", null))
            .ToList();
        return (profile, visits);
    }
}
