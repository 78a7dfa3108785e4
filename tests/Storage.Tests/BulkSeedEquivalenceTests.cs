using System.Text.Json;
using Grid.Geo;
using DivisionLevel = Grid.Geo.DivisionLevel;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Grains.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Grid.Storage.Tests;

/// <summary>
/// The bulk seed path writes the rows the grains would write: one small city seeded both ways into
/// the same SQLite file (under two service ids) gives identical rows, and bulk rows activate
/// through the grains with an ETag their next write accepts.
/// </summary>
public sealed class BulkSeedEquivalenceTests : IAsyncLifetime
{
    private const string GrainServiceId = "seed-grains", BulkServiceId = "seed-bulk";
    private readonly TempDirectory _directory = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = SqliteClusterFixture.StartSqliteCluster(_directory.Path, GrainServiceId);
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task BulkRowsEqualTheRowsTheGrainsWrite()
    {
        var (divisions, geography) = SmallCity.Build();
        var village = divisions.First(d => d.Level == DivisionLevel.Village);
        var people = VillagePeople.Build(village, geography, CitySeeder.Seed);
        var regions = RegionSeeder.Definitions(divisions, geography).ToList();

        var grains = _cluster.Client;
        await new PeopleSeeder(grains, CitySeeder.Seed).SeedVillageAsync(people, village.Code12);
        foreach (var r in regions) await grains.GetGrain<IRegionGrain>(r.Info.Code).DefineAsync(r);
        await new SqliteGrainStateBulkWriter(_directory.ConnectionString, BulkServiceId)
            .WriteAsync([.. regions.Select(BulkStates.Of), .. BulkStates.Of(people, village.Code12, Protector)]);

        var byGrains = await RowsAsync(GrainServiceId);
        var byBulk = await RowsAsync(BulkServiceId);
        Assert.Contains(byBulk, r => r.Type == BulkStates.Resident && r.Payload.Contains(PersonalDataProtector.Prefix, StringComparison.Ordinal));
        Assert.Contains(byGrains, r => r.Type == BulkStates.Resident && r.Payload.Contains(PersonalDataProtector.Prefix, StringComparison.Ordinal));
        byGrains = [.. byGrains.Select(r => r with { Payload = SealedRows.Open(r.Type, r.Payload, Protector) })];
        byBulk = [.. byBulk.Select(r => r with { Payload = SealedRows.Open(r.Type, r.Payload, Protector) })];
        Assert.Equal(5, regions.Count);
        Assert.Equal(5 + people.Cells.Count + people.Workers.Count + people.Residents.Count + 1, byGrains.Count);
        Assert.Equal(byGrains, byBulk);
    }

    [Fact]
    public async Task BulkRowsActivateThroughTheGrainsAndAcceptTheirNextWrite()
    {
        var (divisions, geography) = SmallCity.Build();
        var village = divisions.Last(d => d.Level == DivisionLevel.Village);
        var people = VillagePeople.Build(village, geography, CitySeeder.Seed);
        await new SqliteGrainStateBulkWriter(_directory.ConnectionString, GrainServiceId).WriteAsync([.. BulkStates.Of(people, village.Code12, Protector)]);

        var resident = people.Residents[0];
        var grain = _cluster.Client.GetGrain<IResidentGrain>(resident.Profile.Id);
        var read = await grain.GetAsync();
        Assert.NotNull(read);
        Assert.Equal(Json(resident.Profile), Json(read));
        Assert.Equal(resident.Visits.Count, (await grain.GetVisitsAsync()).Count);

        // The state's version is 1 and the row's version is the grain's ETag: a replace at version 1 is accepted.
        Assert.Equal(2, await grain.SaveAsync(resident.Profile with { Phone = "13800000000" }, ifVersion: 1));
        var directory = _cluster.Client.GetGrain<IVillageDirectoryGrain>(village.Code12);
        Assert.Equal(people.Residents.Count, (await directory.GetResidentsAsync()).Count);
        Assert.Equal(people.Workers.Count, (await directory.GetWorkersAsync()).Count);
    }

    [Fact]
    public async Task WritingAnExistingRowAgainReplacesItAndMovesItsVersionOn()
    {
        var writer = new SqliteGrainStateBulkWriter(_directory.ConnectionString, BulkServiceId);
        await writer.WriteAsync([GrainStateRow.Of("note", "again", new Note { Text = "one" })]);
        await writer.WriteAsync([GrainStateRow.Of("note", "again", new Note { Text = "two" })]);

        var rows = (await RowsAsync(BulkServiceId)).Where(r => r.Key == "again").ToList();
        Assert.Single(rows);
        Assert.Equal(2, rows[0].Version);
        Assert.Equal("two", JsonDocument.Parse(rows[0].Payload).RootElement.GetProperty("text").GetString());
    }

    private PersonalDataProtector Protector => _cluster.Silos[0].ServiceProvider.GetRequiredService<PersonalDataProtector>();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonGrainStorageSerializer.Options);

    private sealed record Row(string Type, long N0, long N1, string Key, string Payload, long Version);

    private async Task<List<Row>> RowsAsync(string serviceId)
    {
        await using var connection = new SqliteConnection(_directory.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version FROM GridGrainState
            WHERE ServiceId = $service ORDER BY GrainType, GrainIdN0, GrainIdN1, GrainIdExtension
            """;
        command.Parameters.AddWithValue("$service", serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
            rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        return rows;
    }
}

/// <summary>A city of one county, one township and two villages around the real 咸安区 seat: quick to build.</summary>
internal static class SmallCity
{
    public static (IReadOnlyList<Division>, GeographyModel) Build()
    {
        Division[] divisions =
        [
            new("421200000000", "咸宁市", DivisionLevel.City, "420000000000", "", ""),
            new("421202000000", "咸安区", DivisionLevel.County, "421200000000", "421202", "咸安区"),
            new("421202001000", "温泉街道", DivisionLevel.Township, "421202000000", "421202", "咸安区"),
            new("421202001001", "温泉社区居民委员会", DivisionLevel.Village, "421202001000", "421202", "咸安区"),
            new("421202001201", "桂乡村村民委员会", DivisionLevel.Village, "421202001000", "421202", "咸安区"),
        ];
        CountySeat[] seats = [new("421202", "咸安区", "421202001", "温泉街道", "Xianning", 29.84347, 114.32201)];
        return (divisions, SyntheticGeography.Build(divisions, seats, gridsPerVillage: 5, seed: CitySeeder.Seed));
    }
}
