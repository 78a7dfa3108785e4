using Grid.Grains.Audit;
using Grid.Testing;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class AuditChunkTests(GatewayFactory gateway)
{
    [Fact]
    public async Task ConcurrentAppendsOverSeveralChunksAreAllStoredOnceAndQueryable()
    {
        var day = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var key = GrainAuditLog.KeyOf("42120" + Random.Shared.Next(1000, 9999) + "000", DateOnly.FromDateTime(day));
        var grain = Places.Grains(gateway).GetGrain<IAuditDayGrain>(key);
        var entries = Enumerable.Range(0, AuditChunks.Size * 3 + 5)
            .Select(i => new AuditEntry(day.AddSeconds(i), $"actor{i % 4}", "Admin", "read", "Resident", $"R{i}", "421202001001", null)).ToList();

        await Task.WhenAll(entries.Select(grain.AppendAsync));
        var all = await grain.QueryAsync(new AuditFilter(null, null, day, day.AddDays(1)));
        var one = await grain.QueryAsync(new AuditFilter("R7", null, day, day.AddDays(1)));
        var byActor = await grain.QueryAsync(new AuditFilter(null, "actor1", day, day.AddDays(1)));

        Assert.NotEmpty(entries);
        Assert.Equal(entries.Select(e => e.SubjectId).Order(), all.Select(e => e.SubjectId).Order());
        Assert.Equal("R7", Assert.Single(one).SubjectId);
        Assert.Equal(entries.Count(e => e.Actor == "actor1"), byActor.Count);
    }
}
