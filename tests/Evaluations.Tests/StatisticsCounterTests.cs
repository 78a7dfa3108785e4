using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Evaluations.Tests;

[Collection(EvaluationsCollection.Name)]
public sealed class StatisticsCounterTests(EvaluationsFactory factory)
{
    private const string Village = "421221100002";
    private static readonly DateTime Completed = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly StatsFilter March = new(new(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), new(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), null, null);

    [Fact]
    public async Task CountersEqualARecountAfterUpdatesAndRepeatedDeliveries()
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var (item, staff) = (EvaluationClient.NewId("ITEM"), EvaluationClient.NewId("staff"));
        var random = new Random(12);
        var latest = new Dictionary<string, ServiceFact>();
        var sent = new List<ServiceFact>();
        for (var i = 0; i < 40; i++)
        {
            var level = random.Next(6) is var l && l == 5 ? (Satisfaction?)null : (Satisfaction)l;
            var outcome = new RectificationOutcome(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, random.Next(5) == 0);
            sent.Add(new ServiceFact($"cnt-{item}-{i}", 1, item, "计数事项", staff, Village, Completed.AddDays(i % 7), i % 3 == 0 ? null : 0.125 * i, level, outcome, Flagged: i % 4 == 1));
        }
        // Every third record is updated (a new version), some twice; every fifth version is delivered twice.
        foreach (var f in sent.Where((_, i) => i % 3 == 0).ToList())
            sent.Add(f with { Version = 2, Level = f.Level is { } lv && lv.IsBad() ? Satisfaction.Satisfied : Satisfaction.VeryDissatisfied });
        foreach (var f in sent.Where((_, i) => i % 5 == 0).ToList()) sent.Add(f);
        foreach (var f in sent)
        {
            await Task.WhenAll(StatsKeys.For(f).Select(k => grains.GetGrain<IServiceStatsGrain>(k).UpsertAsync(f)));
            if (!latest.TryGetValue(f.RecordId, out var known) || known.Version < f.Version) latest[f.RecordId] = f;
        }
        var recount = EvaluationStatistics.Tally(latest.Values, March);
        Assert.Equal(40, recount.Services);
        Assert.True(recount.BadReviews > 0 && recount.Evaluations > recount.BadReviews);

        foreach (var key in StatsKeys.For(latest.Values.First()))
        {
            var tally = await grains.GetGrain<IServiceStatsGrain>(key).TallyAsync(March with { ItemCode = item });
            AssertEqual(recount, tally);
        }
        // The worker is fresh, so its counters hold these facts only: no filter needed.
        AssertEqual(recount, await grains.GetGrain<IServiceStatsGrain>(StatsKeys.Key("2026-03", StatsDimension.Staff, staff)).TallyAsync(March));
        var county = await grains.GetGrain<IStatsRollupGrain>(StatsKeys.Key("2026-03", StatsDimension.Region, "421221000000")).TallyAsync(March with { ItemCode = item });
        AssertEqual(recount, county);

        // Flagged ratings (entered by the server) left out: the counters' second half subtracts exactly what a recount skips.
        var unflagged = EvaluationStatistics.Tally(latest.Values, March with { ExcludeFlagged = true });
        Assert.True(recount.Flagged > 0 && unflagged.Evaluations == recount.Evaluations - recount.Flagged);
        AssertEqual(unflagged, await grains.GetGrain<IServiceStatsGrain>(StatsKeys.Key("2026-03", StatsDimension.Staff, staff)).TallyAsync(March with { ExcludeFlagged = true }));
        AssertEqual(unflagged, await grains.GetGrain<IStatsRollupGrain>(StatsKeys.Key("2026-03", StatsDimension.Region, "421221000000")).TallyAsync(March with { ItemCode = item, ExcludeFlagged = true }));
    }

    [Fact]
    public void ACounterSavedBeforeFlagsExistedGrowsOnItsNextWrite()
    {
        var fact = new ServiceFact("legacy-1", 1, "I", "事项", "s", Village, Completed, null, Satisfaction.Satisfied, RectificationOutcome.None, Flagged: true);
        var counters = new Dictionary<string, long[]> { ["10||I"] = [1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] };

        StatsCounters.Apply(counters, "10||I", fact, +1);

        Assert.Equal(StatsCounters.Length, counters["10||I"].Length);
        var all = StatsCounters.ToTally(counters.Values);
        var unflagged = StatsCounters.ToTally(counters.Values, excludeFlagged: true);
        Assert.Equal((2, 2, 1), (all.Services, all.Evaluations, all.Flagged));
        Assert.Equal((2, 1, 1), (unflagged.Services, unflagged.Evaluations, unflagged.LevelCounts[(int)Satisfaction.Satisfied]));
    }

    [Fact]
    public async Task ARatingChangedFromBadToGoodMovesOneCount()
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var staff = EvaluationClient.NewId("staff");
        var bad = new ServiceFact(EvaluationClient.NewId("mv"), 1, "MOVE", "事项", staff, Village, Completed, 1.5, Satisfaction.Dissatisfied, new(false, false, false, false, false));
        var counter = grains.GetGrain<IServiceStatsGrain>(StatsKeys.For(bad)[0]);
        await counter.UpsertAsync(bad);
        var first = await counter.TallyAsync(March);
        Assert.Equal((1, 1, 0), (first.Services, first.BadReviews, first.LevelCounts[(int)Satisfaction.Satisfied]));

        await counter.UpsertAsync(bad with { Version = 2, Level = Satisfaction.Satisfied });
        await counter.UpsertAsync(bad);
        var moved = await counter.TallyAsync(March);

        Assert.Equal((1, 0, 1, 1.5), (moved.Services, moved.BadReviews, moved.LevelCounts[(int)Satisfaction.Satisfied], moved.HoursToCompleteTotal));
    }

    [Fact]
    public async Task ACounterMapStoredAsOneStateIsMovedIntoRowsAndTalliesTheSame()
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var rows = factory.Services.GetRequiredService<IGrainRowStore>();
        var staff = EvaluationClient.NewId("staff");
        var facts = Enumerable.Range(0, 3).Select(i => new ServiceFact(EvaluationClient.NewId("old"), 1, "OLD", "事项", staff, Village,
            Completed.AddDays(i), 1.0 + i, (Satisfaction)i, RectificationOutcome.None)).ToList();
        var key = StatsKeys.Key("2026-03", StatsDimension.Staff, staff);
        // As the whole-state counters left it: all three counted, the last one's fact row not yet written.
        var old = new ServiceStatsState { Pending = facts[2] };
        foreach (var f in facts) StatsCounters.Apply(old.Counters, StatsCounters.BucketOf(StatsDimension.Staff, f), f, +1);
        await factory.Services.GetRequiredService<IGrainStateBulkWriter>().WriteAsync([
            GrainStateRow.Of("service-stats", key, old),
            .. facts.Take(2).Select(f => GrainStateRow.Of<ServiceFact?>("service-fact", $"{key}|{f.RecordId}", f))]);
        Assert.Empty(await rows.ReadAllAsync("service-stats", key));

        var counter = grains.GetGrain<IServiceStatsGrain>(key);
        AssertEqual(EvaluationStatistics.Tally(facts, March), await counter.TallyAsync(March));
        Assert.Equal(old.Counters.Count, (await rows.ReadAllAsync("service-stats", key)).Count(r => r.Key.StartsWith("b/", StringComparison.Ordinal)));

        // Re-delivered facts change nothing (the pending one's row was written on activation); an update moves its counts.
        foreach (var f in facts) await counter.UpsertAsync(f);
        facts[1] = facts[1] with { Version = 2, Level = Satisfaction.VeryDissatisfied };
        await counter.UpsertAsync(facts[1]);
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        AssertEqual(EvaluationStatistics.Tally(facts, March), await grains.GetGrain<IServiceStatsGrain>(key).TallyAsync(March));
    }

    private static void AssertEqual(EvaluationTally expected, EvaluationTally actual)
    {
        Assert.Equal(expected.LevelCounts, actual.LevelCounts);
        Assert.Equal(expected with { LevelCounts = [] }, actual with { LevelCounts = [] });
    }
}
