using System.Security.Cryptography;
using System.Text;
using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Geography;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.People;

/// <summary>
/// Bulk import of residents: every row checked as POST /api/residents checks it (fields, a home inside
/// the city, the caller's right to register in that village) plus a repeated ID number within the file;
/// good rows created through <see cref="ResidentWrites.CreateAsync"/>, keyed by ID number within the
/// village so that applying the file again creates nothing.
/// </summary>
public static class ResidentImport
{
    public sealed record Good(int Row, ResidentRequest Request, List<Need> Needs, GridLocation Home);

    public static async Task<(List<Good> Good, List<ImportProblemDto> Problems)> CheckAsync(
        PeopleServices s, Caller caller, IReadOnlyList<ResidentSheet.Row> rows)
    {
        var problems = new List<ImportProblemDto>();
        var good = new List<Good>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var homes = await LocateAllAsync(s, rows);
        foreach (var row in rows)
        {
            var errors = PeopleValidation.Check(row.Request, out var needs);
            foreach (var (field, why) in row.Unreadable) errors[field] = why;
            var id = row.Request.IdNumber?.ToUpperInvariant() ?? "";
            if (!errors.ContainsKey("idNumber") && !firstRowOf.TryAdd(id, row.Number))
                errors["idNumber"] = [$"The ID number repeats row {firstRowOf[id]}; a resident is registered once."];
            var home = homes[row.Number];
            if (!errors.ContainsKey("homeLat") && !errors.ContainsKey("homeLng"))
            {
                if (home is null) errors["homeLat"] = ["The home lies outside every grid of the city; check latitude and longitude (WGS84 degrees)."];
                else if (!AccessRules.Allows(caller, Act.Change, new Target(Kind.Resident, home.Village.Code)))
                    errors["village"] = [$"The home lies in {home.Village.Name} ({home.Village.Code}), where you may not register residents."];
            }
            if (errors.Count == 0) good.Add(new Good(row.Number, row.Request, needs, home!));
            else problems.AddRange(errors.SelectMany(e => e.Value.Select(m => new ImportProblemDto(row.Number, e.Key, m))));
        }
        return (good, problems);
    }

    /// <summary>
    /// Creates the good rows in parallel batches, reporting each batch to the job grain. Returns when
    /// done; a row that fails is counted and logged by row number only (never its data).
    /// </summary>
    public static async Task ApplyAsync(PeopleServices s, Caller caller, IReadOnlyList<Good> rows, IImportJobGrain job, ILogger logger)
    {
        foreach (var batch in rows.Chunk(200))
        {
            var outcomes = await Task.WhenAll(batch.Select(async row =>
            {
                try
                {
                    var (_, created) = await ResidentWrites.CreateAsync(s, caller, row.Request, row.Needs, row.Home, KeyOf(row));
                    return created ? 0 : 1;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Import row {Row} failed", row.Row);
                    return 2;
                }
            }));
            await job.AdvanceAsync(outcomes.Count(o => o == 0), outcomes.Count(o => o == 1), outcomes.Count(o => o == 2));
        }
        await job.FinishAsync();
    }

    /// <summary>The allocation key of a row: its ID number within the village, hashed so that the directory does not keep it in clear.</summary>
    private static string KeyOf(Good row) =>
        "import#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{row.Home.Village.Code}|{row.Request.IdNumber.ToUpperInvariant()}")))[..32];

    private static async Task<Dictionary<int, GridLocation?>> LocateAllAsync(PeopleServices s, IReadOnlyList<ResidentSheet.Row> rows)
    {
        var found = new Dictionary<int, GridLocation?>();
        foreach (var batch in rows.Chunk(500))
        {
            var homes = await Task.WhenAll(batch.Select(r => OnEarth(r.Request) ? s.LocateAsync(r.Request.HomeLat, r.Request.HomeLng) : Task.FromResult<GridLocation?>(null)));
            for (var i = 0; i < batch.Length; i++) found[batch[i].Number] = homes[i];
        }
        return found;
    }

    private static bool OnEarth(ResidentRequest r) => double.IsFinite(r.HomeLat) && double.IsFinite(r.HomeLng) && Math.Abs(r.HomeLat) <= 90 && Math.Abs(r.HomeLng) <= 180;
}
