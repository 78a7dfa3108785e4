using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Evaluations.Tests;

/// <summary>
/// Counters under storage faults: a count stored but unanswered, a count not stored, a fact row not
/// written, and an activation lost before the fact row was. Retried as the service record's outbox
/// retries, every fact is counted exactly once, read back from storage.
/// </summary>
[Collection(EvaluationsCollection.Name)]
public sealed class StatisticsDurabilityTests(EvaluationsFactory factory) : IDisposable
{
    private const string Village = "421221100002";
    private static readonly DateTime Completed = new(2026, 4, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly StatsFilter April = new(new(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), new(2026, 4, 30, 16, 0, 0, DateTimeKind.Utc), null, null);

    private StorageFaults Faults => factory.Services.GetRequiredService<StorageFaults>();
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    public void Dispose() => Faults.Clear();

    [Fact]
    public async Task EveryFactIsCountedOnceWhateverWriteFailed()
    {
        var staff = EvaluationClient.NewId("staff");
        var facts = Enumerable.Range(0, 5).Select(i => new ServiceFact(EvaluationClient.NewId("dur"), 1, "DUR", "事项", staff, Village,
            Completed.AddDays(i % 2), 2.0, (Satisfaction)i, RectificationOutcome.None)).ToList();
        var key = StatsKeys.Key("2026-04", StatsDimension.Staff, staff);
        var counter = Grains.GetGrain<IServiceStatsGrain>(key);
        await counter.UpsertAsync(facts[0]);

        var unanswered = Faults.FailWrites("service-stats", k => k == key, afterWrite: true);
        await Assert.ThrowsAnyAsync<Exception>(() => counter.UpsertAsync(facts[1]));
        await counter.UpsertAsync(facts[1]);

        var unstored = Faults.FailWrites("service-stats", k => k == key);
        await Assert.ThrowsAnyAsync<Exception>(() => counter.UpsertAsync(facts[2]));
        await counter.UpsertAsync(facts[2]);

        var factRow = Faults.FailWrites("service-fact", k => k == $"{key}|{facts[3].RecordId}");
        await Assert.ThrowsAnyAsync<Exception>(() => counter.UpsertAsync(facts[3]));
        await counter.UpsertAsync(facts[3]);
        facts[3] = facts[3] with { Version = 2, Level = Satisfaction.VeryDissatisfied };
        await counter.UpsertAsync(facts[3]);

        // The activation goes before the fact row is written: the next one writes it, so the retry counts nothing.
        var lost = Faults.FailWrites("service-fact", k => k == $"{key}|{facts[4].RecordId}");
        await Assert.ThrowsAnyAsync<Exception>(() => counter.UpsertAsync(facts[4]));
        await CollectAllActivationsAsync();
        await counter.UpsertAsync(facts[4]);

        Assert.Equal((1, 1, 1, 1), (unanswered.Failed, unstored.Failed, factRow.Failed, lost.Failed));
        await CollectAllActivationsAsync();
        var tally = await counter.TallyAsync(April);
        var recount = EvaluationStatistics.Tally(facts, April);
        Assert.Equal(5, tally.Services);
        Assert.Equal(recount.LevelCounts, tally.LevelCounts);
        Assert.Equal(recount with { LevelCounts = [] }, tally with { LevelCounts = [] });
    }

    private Task CollectAllActivationsAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
