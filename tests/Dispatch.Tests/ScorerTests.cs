using Grid.Contracts;
using Grid.Grains.Dispatch;

namespace Grid.Dispatch.Tests;

public sealed class ScorerTests
{
    // 2026-12-01 09:00–11:00 in Shanghai.
    private static readonly DateTime From = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DispatchNeed Need = new("V1-G01", "V1", ["disability"], 29.85, 114.32, From, From.AddHours(2), []);

    private static DispatchCandidate Worker(string id, string grid = "V1-G01", string village = "V1", int visits = 0,
        double lat = 29.85, double lng = 114.32, int load = 0, int capacity = 8, string[]? skills = null, bool active = true,
        TimeOnly? start = null, TimeOnly? end = null) =>
        new(id, id, active, village, [grid], skills ?? ["disability"], capacity, load, start ?? new(8, 30), end ?? new(17, 30), lat, lng, visits);

    [Fact]
    public void OwnGridWorkerOutranksANeighbouringGridWorkerAtTheSameDistance()
    {
        var ranked = DispatchScorer.Rank(Need, [Worker("B", grid: "V1-G02"), Worker("A")]);
        Assert.Equal(["A", "B"], ranked.Select(r => r.WorkerId));
    }

    [Fact]
    public void AWorkerWhoKnowsTheResidentOutranksAStrangerNearby()
    {
        var ranked = DispatchScorer.Rank(Need, [Worker("Stranger"), Worker("Familiar", visits: 6, lat: 29.853)]);
        Assert.Equal("Familiar", ranked[0].WorkerId);
    }

    [Fact]
    public void TheNearerOfTwoOtherwiseEqualWorkersComesFirst()
    {
        var ranked = DispatchScorer.Rank(Need, [Worker("Far", lat: 29.87), Worker("Near", lat: 29.851)]);
        Assert.Equal("Near", ranked[0].WorkerId);
    }

    [Fact]
    public void WorkersMissingASkillOrCapacityOrHoursOrActivityOrVillageDoNotQualify()
    {
        DispatchCandidate[] unfit =
        [
            Worker("NoSkill", skills: ["housing"]),
            Worker("Full", load: 8, capacity: 8),
            Worker("Evening", start: new(18, 0), end: new(21, 0)),
            Worker("Inactive", active: false),
            Worker("OtherVillage", grid: "V2-G01", village: "V2"),
        ];
        Assert.Empty(DispatchScorer.Rank(Need, unfit));
    }

    [Fact]
    public void AWorkerWhoAlreadyDeclinedIsNotOfferedAgain()
    {
        var ranked = DispatchScorer.Rank(Need with { Excluded = ["A"] }, [Worker("A"), Worker("B")]);
        Assert.Equal(["B"], ranked.Select(r => r.WorkerId));
    }

    [Fact]
    public void TheReasonNamesGridFamiliarityAndDistanceInWordsAPersonReads()
    {
        var choice = DispatchScorer.Score(Need, Worker("A", visits: 6, lat: 29.85 + 400 / 111_195.0));
        Assert.Equal("本网格, 已走访 6 次, 400 米", choice.Reason);
        Assert.Equal("邻近网格, 未走访, 1.5 公里", DispatchScorer.Reason(false, 0, 1490));
    }

    [Fact]
    public void WorkingHoursAreReadInShanghaiTimeAcrossDays()
    {
        // 20:00 Shanghai on one day to 10:00 the next overlaps a 08:30–17:30 day.
        var evening = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.True(DispatchScorer.WorksDuring(new(8, 30), new(17, 30), evening, evening.AddHours(14)));
        Assert.False(DispatchScorer.WorksDuring(new(8, 30), new(17, 30), evening, evening.AddHours(4)));
        Assert.False(DispatchScorer.WorksDuring(new(8, 30), new(17, 30), evening, evening));
    }
}
