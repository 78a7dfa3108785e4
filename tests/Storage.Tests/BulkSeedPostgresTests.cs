using Grid.Geo;
using DivisionLevel = Grid.Geo.DivisionLevel;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Grains.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grid.Storage.Tests;

/// <summary>The PostgreSQL bulk writer stores the rows the grains store there (same database, two service ids).</summary>
public sealed class BulkSeedPostgresTests
{
    [Fact]
    public async Task BulkRowsEqualTheRowsTheGrainsWrite()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        try
        {
            await using var cluster = await PostgresCluster.StartAsync(connection, "pg-seed-grains", silos: 1);
            var (divisions, geography) = SmallCity.Build();
            var village = divisions.First(d => d.Level == DivisionLevel.Village);
            var people = VillagePeople.Build(village, geography, CitySeeder.Seed);
            var regions = RegionSeeder.Definitions(divisions, geography).ToList();

            await new PeopleSeeder(cluster.Client, CitySeeder.Seed).SeedVillageAsync(people, village.Code12);
            foreach (var r in regions) await cluster.Client.GetGrain<IRegionGrain>(r.Info.Code).DefineAsync(r);
            var protector = cluster.SiloServices.GetRequiredService<PersonalDataProtector>();
            await new PostgresGrainStateBulkWriter(connection, "pg-seed-bulk")
                .WriteAsync([.. regions.Select(BulkStates.Of), .. BulkStates.Of(people, village.Code12, protector)]);

            var byGrains = await RowsAsync(connection, "pg-seed-grains", protector);
            Assert.Equal(regions.Count + people.Cells.Count + people.Workers.Count + people.Residents.Count + 1, byGrains.Count);
            Assert.Equal(byGrains, await RowsAsync(connection, "pg-seed-bulk", protector));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }

    /// <summary>Each row as "type|n0|n1|key|version|payload", resident and worker payloads opened (see <see cref="SealedRows"/>).</summary>
    private static async Task<List<string>> RowsAsync(string connectionString, string serviceId, PersonalDataProtector protector)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT concat_ws('|', GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Version), GrainType, Payload::text FROM GridGrainState
            WHERE ServiceId = @service ORDER BY GrainType, GrainIdN0, GrainIdN1, GrainIdExtension
            """, connection);
        command.Parameters.AddWithValue("service", serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0) + "|" + SealedRows.Open(reader.GetString(1), reader.GetString(2), protector));
        return rows;
    }
}
