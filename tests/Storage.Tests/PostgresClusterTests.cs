using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grid.Storage.Tests;

[Collection(PostgresClusterCollection.Name)]
public sealed class PostgresClusterTests(PostgresClusterFixture fixture)
{
    private static string NewKey() => $"note-{Guid.NewGuid():N}";

    [Fact]
    public async Task TwoSilosSeeEachOtherThroughPostgresMembership()
    {
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        foreach (var silo in fixture.Cluster.Silos)
        {
            Assert.Contains(PostgresCluster.AddressOf(silo), hosts.Keys);
        }

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM GridMembership WHERE Status = 3", connection);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task StateWrittenBeforeDeactivationIsReadBackAsJsonFromPostgres()
    {
        var key = NewKey();
        var grain = fixture.Cluster.Client.GetGrain<INoteGrain>(key);
        await grain.Write("咸宁 cluster", 5, Shade.Striped);
        await grain.Deactivate();

        var note = await grain.Read();
        Assert.Equal(("咸宁 cluster", 5, Shade.Striped), (note.Text, note.Count, note.Shade));

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT Payload::text FROM GridGrainState WHERE GrainIdExtension = @key", connection);
        command.Parameters.AddWithValue("key", key);
        using var json = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        Assert.Equal("Striped", json.RootElement.GetProperty("shade").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task WriteAndClearWithStaleEtagAreRejected()
    {
        var storage = fixture.Cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var grainId = GrainId.Create("note", NewKey());
        var current = new GrainState<Note>(new Note { Text = "v1" });
        await storage.WriteStateAsync("note", grainId, current);
        var stale = new GrainState<Note>(new Note { Text = "stale" }) { ETag = current.ETag, RecordExists = true };
        await storage.WriteStateAsync("note", grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("note", grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("note", grainId, new GrainState<Note>(new Note())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("note", grainId, stale));

        await storage.ClearStateAsync("note", grainId, current);
        var read = new GrainState<Note>();
        await storage.ReadStateAsync("note", grainId, read);
        Assert.Equal("", read.State!.Text);
        Assert.Equal(current.ETag, read.ETag);
    }
}
