using Grid.Grains.Audit;
using Grid.Storage;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Dispatch.Tests;

/// <summary>
/// The audit day on the real SQLite storage, with writes failed by <see cref="FaultyGrainStorage"/>:
/// chunks are sealed once, the head stays bounded, a failed write fails exactly its appends and the
/// retry keeps every entry once. Every call is bounded by a timeout, so a grain that waits on its
/// own write fails the test instead of hanging it.
/// </summary>
[Collection(DispatchCollection.Name)]
public sealed class AuditDayTests(DispatchGateway factory) : IDisposable
{
    private const string County = GatewayFactory.SeededCounty;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static int _days;
    private readonly DateOnly _day = new DateOnly(2040, 1, 1).AddDays(Interlocked.Increment(ref _days) * 7 + Random.Shared.Next(7));
    private StorageFaults Faults => factory.Services.GetRequiredService<StorageFaults>();
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();
    private string Key => GrainAuditLog.KeyOf(County, _day);
    private IAuditDayGrain Day => Grains.GetGrain<IAuditDayGrain>(Key);

    public void Dispose() => Faults.Clear();

    [Fact]
    public async Task AppendsAcrossSeveralChunksAreKeptOnceAndTheHeadHoldsOnlyTheOpenChunk()
    {
        var entries = Entries(0, 3 * AuditDayGrain.ChunkSize + 5);

        foreach (var wave in entries.Chunk(40)) await Task.WhenAll(wave.Select(Day.AppendAsync)).WaitAsync(Patience);

        var head = await HeadAsync();
        Assert.Equal((3, 5), (head.SealedChunks, head.Entries.Count));
        await CollectAsync();
        AssertHoldsExactly(entries, await QueryAsync());
    }

    [Fact]
    public async Task AnEntrySentAgainIsKeptOnceWhetherOpenInFlightOrAlreadySealed()
    {
        var first = Entry(0);
        await Day.AppendAsync(first).WaitAsync(Patience);
        await Task.WhenAll(Enumerable.Repeat(first, 5).Select(Day.AppendAsync)).WaitAsync(Patience);
        var more = Entries(1, AuditDayGrain.ChunkSize + 10);
        await Task.WhenAll(more.Concat(more.Take(20)).Select(Day.AppendAsync)).WaitAsync(Patience);
        Assert.Equal(1, (await HeadAsync()).SealedChunks);
        await CollectAsync();

        await Task.WhenAll(new[] { first, more[0], more[^1] }.Select(Day.AppendAsync)).WaitAsync(Patience);

        AssertHoldsExactly([first, .. more], await QueryAsync());
    }

    [Fact]
    public async Task AFailedChunkSealFailsItsAppendAndLeavesTheDayAsStored()
    {
        var stored = await FillToOneShortOfAChunkAsync();
        var fault = Faults.FailWrites("auditchunk", k => k.StartsWith(Key, StringComparison.Ordinal));
        var last = Entry(stored.Count);

        var outcome = (await OutcomesAsync([last]))[0];

        Assert.Equal(1, fault.Failed);
        AssertInjected(outcome);
        Assert.Equal((0, stored.Count), Shape(await HeadAsync()));
        AssertHoldsExactly(stored, await QueryAsync());
        await Day.AppendAsync(last).WaitAsync(Patience);
        AssertHoldsExactly([.. stored, last], await QueryAsync());
        Assert.Equal((1, 0), Shape(await HeadAsync()));
    }

    [Fact]
    public async Task AHeadWriteFailingAfterItsChunkWasSealedIsRedoneWithoutLossOrDouble()
    {
        var stored = await FillToOneShortOfAChunkAsync();
        var fault = Faults.FailWrites("auditday", k => k == Key);
        var last = Entry(stored.Count);

        var outcome = (await OutcomesAsync([last]))[0];

        Assert.Equal(1, fault.Failed);
        AssertInjected(outcome);
        Assert.True(await ChunkStoredAsync(0), "the chunk was not written before the head");
        Assert.Equal((0, stored.Count), Shape(await HeadAsync()));
        AssertHoldsExactly(stored, await QueryAsync());
        await CollectAsync();
        await Task.WhenAll(new[] { last, Entry(stored.Count + 1) }.Select(Day.AppendAsync)).WaitAsync(Patience);
        AssertHoldsExactly([.. stored, last, Entry(stored.Count + 1)], await QueryAsync());
        Assert.Equal((1, 1), Shape(await HeadAsync()));
    }

    [Fact]
    public async Task AHeadWriteWhoseAnswerIsLostIsNotDoubledByTheRetry()
    {
        var stored = await FillToOneShortOfAChunkAsync();
        var fault = Faults.FailWrites("auditday", k => k == Key, afterWrite: true);
        var last = Entry(stored.Count);

        var outcome = (await OutcomesAsync([last]))[0];
        await Day.AppendAsync(last).WaitAsync(Patience);

        Assert.Equal(1, fault.Failed);
        AssertInjected(outcome);
        Assert.Equal((1, 0), Shape(await HeadAsync()));
        AssertHoldsExactly([.. stored, last], await QueryAsync());
        await CollectAsync();
        await Day.AppendAsync(last).WaitAsync(Patience);
        AssertHoldsExactly([.. stored, last], await QueryAsync());
    }

    [Fact]
    public async Task ManyAppendsThroughRepeatedWriteFailuresAllFinishAndTheirRetriesKeepEachOnce()
    {
        var entries = Entries(0, 3 * AuditDayGrain.ChunkSize);
        var heads = Faults.FailWrites("auditday", k => k == Key, times: 3);
        var chunks = Faults.FailWrites("auditchunk", k => k.StartsWith(Key, StringComparison.Ordinal), times: 2, afterWrite: true);

        var pending = entries;
        var failures = 0;
        for (var round = 0; round < 6 && pending.Count > 0; round++)
        {
            var outcomes = await OutcomesAsync(pending);
            Assert.All(outcomes, o => { if (o is not null) AssertInjected(o); });
            failures += outcomes.Count(o => o is not null);
            pending = [.. pending.Where((_, i) => outcomes[i] is not null)];
        }

        Assert.True(heads.Failed > 0 && chunks.Failed > 0, $"faults hit: {heads.Failed} head, {chunks.Failed} chunk writes");
        Assert.True(failures > 0);
        Assert.Empty(pending);
        AssertHoldsExactly(entries, await QueryAsync());
    }

    private async Task<List<AuditEntry>> FillToOneShortOfAChunkAsync()
    {
        var stored = Entries(0, AuditDayGrain.ChunkSize - 1);
        await Task.WhenAll(stored.Select(Day.AppendAsync)).WaitAsync(Patience);
        Assert.Equal((0, stored.Count), Shape(await HeadAsync()));
        return stored;
    }

    private static (int Sealed, int Open) Shape(AuditDayState head) => (head.SealedChunks, head.Entries.Count);

    private List<AuditEntry> Entries(int from, int count) => [.. Enumerable.Range(from, count).Select(Entry)];

    private AuditEntry Entry(int n) => new(_day.ToDateTime(new TimeOnly(8, 0)).AddMilliseconds(n), "tester", "Admin", "resident.read",
        "resident", $"R{n}", County, null, $"test/{Key}/{n}");

    /// <summary>Each append's failure, or null where it succeeded; all within the patience, so none hangs.</summary>
    private async Task<Exception?[]> OutcomesAsync(IEnumerable<AuditEntry> entries) =>
        await Task.WhenAll(entries.Select(async e =>
        {
            try
            {
                await Day.AppendAsync(e).WaitAsync(Patience);
                return null;
            }
            catch (TimeoutException t)
            {
                throw new Xunit.Sdk.XunitException("an append hung: " + t.Message);
            }
            catch (Exception x)
            {
                return x;
            }
        }));

    private Task<IReadOnlyList<AuditEntry>> QueryAsync() =>
        Day.QueryAsync(new AuditFilter(null, null, _day.ToDateTime(TimeOnly.MinValue), _day.AddDays(1).ToDateTime(TimeOnly.MinValue))).WaitAsync(Patience);

    /// <summary>The injected fault, as thrown by the storage or wrapped by Orleans' state bridge.</summary>
    private static void AssertInjected(Exception? e)
    {
        Assert.NotNull(e);
        for (var x = e; x is not null; x = x.InnerException) if (x is InjectedSqliteFault) return;
        Assert.Contains("Injected failure", e.ToString());
    }

    private static void AssertHoldsExactly(IReadOnlyList<AuditEntry> expected, IReadOnlyList<AuditEntry> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Select(e => e.Id).Order(StringComparer.Ordinal), actual.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    private async Task<AuditDayState> HeadAsync()
    {
        var row = new GrainState<AuditDayState>();
        await Storage.ReadStateAsync("auditday", GrainId.Create("auditday", Key), row);
        Assert.NotNull(row.ETag);
        return row.State ?? throw new Xunit.Sdk.XunitException("no head stored");
    }

    private async Task<bool> ChunkStoredAsync(int index)
    {
        var row = new GrainState<AuditChunk>();
        await Storage.ReadStateAsync("auditchunk", GrainId.Create("auditchunk", $"{Key}#{index}"), row);
        return row.ETag is not null && row.State?.Entries.Count == AuditDayGrain.ChunkSize;
    }

    private IGrainStorage Storage => factory.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);

    private Task CollectAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
