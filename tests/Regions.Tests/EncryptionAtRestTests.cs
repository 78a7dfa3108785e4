using System.Net;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Grains.Seeding;
using Grid.Storage;
using Grid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Regions.Tests;

/// <summary>ID numbers and phones are sealed in the stored row (grid.db), yet the API answers them as before; plaintext rows are re-sealed.</summary>
[Collection(RegionsCollection.Name)]
public sealed class EncryptionAtRestTests(GatewayFactory gateway)
{
    [Fact]
    public async Task ANewResidentsIdNumberAndPhonesAreNotStoredInClearButTheApiStillAnswersThem()
    {
        var places = await Places.LoadAsync(gateway);
        var (lat, lng) = places.Inside(places.V1 + "-G02");
        var idNumber = "42120219520304567" + IdNumbers.CheckDigit("42120219520304567");
        const string phone = "13911112222", proxyPhone = "13633334444";
        var request = new ResidentRequest("加密测试", idNumber, phone, ["Aged"], 2, lat, lng, "咸安区加密路8号",
            [new FamilyProxyDto("家属", "son", proxyPhone, false)], null);

        var created = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Post, "/api/residents", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<ResidentDto>()).Id;

        var row = await StoredRowAsync(id);
        Assert.Contains(id, row); // the row was found: the checks below can fail
        Assert.Contains(PersonalDataProtector.Prefix, row);
        Assert.DoesNotContain(idNumber, row);
        Assert.DoesNotContain(phone, row);
        Assert.DoesNotContain(proxyPhone, row);

        var byCenter = await (await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Get, $"/api/residents/{id}")).ReadAsync<ResidentDto>();
        Assert.Equal((idNumber, phone, proxyPhone), (byCenter.IdNumber, byCenter.Phone, byCenter.Proxies.Single().Phone));
        var byCoordinator = await (await Clients.SendAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Get, $"/api/residents/{id}")).ReadAsync<ResidentDto>();
        Assert.Equal((Masking.IdNumber(idNumber), Masking.Phone(phone)), (byCoordinator.IdNumber, byCoordinator.Phone));
    }

    [Fact]
    public async Task TheSeededResidentsAndWorkersAreStoredSealed()
    {
        var places = await Places.LoadAsync(gateway);
        var resident = await StoredRowAsync(places.InOther.Id);
        Assert.Contains(places.InOther.Id, resident);
        Assert.Contains(PersonalDataProtector.Prefix, resident);
        Assert.DoesNotMatch("\"idNumber\":\"[0-9]{17}", resident);
        Assert.DoesNotMatch("\"phone\":\"1[0-9]{10}\"", resident);
        var workerId = (await Places.Grains(gateway).GetGrain<IVillageDirectoryGrain>(places.Other).GetWorkersAsync()).First().Id;
        var worker = await StoredRowAsync(workerId, "worker");
        Assert.Contains(workerId, worker);
        Assert.Contains(PersonalDataProtector.Prefix, worker);
        Assert.DoesNotMatch("\"phone\":\"1[0-9]{10}\"", worker);
    }

    [Fact]
    public async Task APlaintextRowWrittenBeforeEncryptionIsSealedWhenTheResidentActivates()
    {
        var places = await Places.LoadAsync(gateway);
        var id = $"{places.V1}-R9{Random.Shared.Next(10, 99)}";
        var idNumber = "42120219600102345" + IdNumbers.CheckDigit("42120219600102345");
        var (lat, lng) = places.Inside(places.V1 + "-G02");
        var profile = new ResidentProfile(id, "旧数据", idNumber, "13755556666", [Need.Aged], 1, lat, lng, "咸安区旧路1号",
            places.V1 + "-G02", places.V1, [new FamilyProxy("家属", "daughter", "13577778888", false)], null);
        await gateway.Services.GetRequiredService<IGrainStateBulkWriter>()
            .WriteAsync([GrainStateRow.Of(BulkStates.Resident, id, new ResidentState { Profile = profile, Version = 1 })]);
        Assert.Contains(idNumber, await StoredRowAsync(id)); // the legacy row is plaintext before

        var read = await (await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Get, $"/api/residents/{id}")).ReadAsync<ResidentDto>();

        Assert.Equal((idNumber, "13755556666", "13577778888"), (read.IdNumber, read.Phone, read.Proxies.Single().Phone));
        var row = await StoredRowAsync(id);
        Assert.Contains(PersonalDataProtector.Prefix, row);
        Assert.DoesNotContain(idNumber, row);
        Assert.DoesNotContain("13755556666", row);
        Assert.DoesNotContain("13577778888", row);
    }

    /// <summary>The raw JSON payload of a grain's row in the embedded mode's SQLite file.</summary>
    private async Task<string> StoredRowAsync(string key, string stateName = BulkStates.Resident)
    {
        var (n0, n1, extension) = GrainStateRow.KeyColumns(key);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(gateway.DataPath, GridStorage.SqliteFileName)};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(Payload AS TEXT) FROM GridGrainState WHERE GrainType = $type AND GrainIdN0 = $n0 AND GrainIdN1 = $n1 AND GrainIdExtension = $key";
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$n0", n0);
        command.Parameters.AddWithValue("$n1", n1);
        command.Parameters.AddWithValue("$key", extension);
        return await command.ExecuteScalarAsync() as string ?? "";
    }
}
