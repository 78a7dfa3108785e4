using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grid.Storage.Tests;

[Collection(SqliteClusterCollection.Name)]
public sealed class SqliteGrainStateTests(SqliteClusterFixture fixture)
{
    private static string NewKey() => $"note-{Guid.NewGuid():N}";

    [Fact]
    public async Task StateWrittenBeforeDeactivationIsReadBackFromSqlite()
    {
        var grain = fixture.Cluster.Client.GetGrain<INoteGrain>(NewKey());
        await grain.Write("咸宁 hello", 3, Shade.Striped);

        await DeactivateAsync(grain);

        var note = await grain.Read();
        Assert.Equal("咸宁 hello", note.Text);
        Assert.Equal(3, note.Count);
        Assert.Equal(Shade.Striped, note.Shade);
    }

    [Fact]
    public async Task StoredPayloadIsJsonWithCamelCaseNamesAndEnumNames()
    {
        var key = NewKey();
        await fixture.Cluster.Client.GetGrain<INoteGrain>(key).Write("json", 7, Shade.Striped);

        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload, typeof(Payload), Version FROM GridGrainState WHERE GrainIdExtension = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row was stored for the grain");
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal(1, reader.GetInt32(2));

        using var json = JsonDocument.Parse(reader.GetString(0));
        Assert.Equal("json", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("Striped", json.RootElement.GetProperty("shade").GetString());
    }

    [Fact]
    public async Task WriteWithStaleEtagIsRejected()
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var grainId = GrainId.Create("note", NewKey());
        var first = new GrainState<Note>(new Note { Text = "first" });
        await storage.WriteStateAsync("note", grainId, first);
        var staleEtag = first.ETag;

        await storage.WriteStateAsync("note", grainId, first);
        Assert.NotEqual(staleEtag, first.ETag);

        var stale = new GrainState<Note>(new Note { Text = "stale" }) { ETag = staleEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("note", grainId, stale));

        var second = new GrainState<Note>(new Note { Text = "second activation" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("note", grainId, second));

        var read = new GrainState<Note>();
        await storage.ReadStateAsync("note", grainId, read);
        Assert.Equal("first", read.State!.Text);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task ClearedStateReadsAsDefaultAfterDeactivationAndCanBeWrittenAgain()
    {
        var grain = fixture.Cluster.Client.GetGrain<INoteGrain>(NewKey());
        await grain.Write("to be cleared", 1, Shade.Striped);

        await grain.Clear();
        await DeactivateAsync(grain);

        var cleared = await grain.Read();
        Assert.Equal("", cleared.Text);
        Assert.Equal(0, cleared.Count);

        await grain.Write("again", 2, Shade.Plain);
        await DeactivateAsync(grain);
        Assert.Equal("again", (await grain.Read()).Text);
    }

    [Fact]
    public async Task ClearWithStaleEtagIsRejected()
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var grainId = GrainId.Create("note", NewKey());
        var current = new GrainState<Note>(new Note { Text = "v1" });
        await storage.WriteStateAsync("note", grainId, current);
        var stale = new GrainState<Note>(current.State) { ETag = current.ETag, RecordExists = true };
        await storage.WriteStateAsync("note", grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("note", grainId, stale));
        await storage.ClearStateAsync("note", grainId, current);
        Assert.False(current.RecordExists);
    }

    private async Task DeactivateAsync(INoteGrain grain)
    {
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
    }
}
