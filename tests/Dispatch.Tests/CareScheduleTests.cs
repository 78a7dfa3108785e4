using System.Diagnostics;
using System.Net;
using Grid.Contracts;
using Grid.Gateway.Apis.Dispatch;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

/// <summary>
/// The seeded gateway with care-visit rules that cover only <see cref="Village"/> (the city rule needs
/// a care level nobody has), so a city-wide trigger is real but creates visits in one village only.
/// </summary>
public sealed class CareScheduleFactory : GatewayFactory
{
    public const string Village = "421202002001";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Grid:Dispatch:CareVisitRules:0:RegionCode", RegionCodes.City),
        new("Grid:Dispatch:CareVisitRules:0:MinCareLevel", "99"),
        new("Grid:Dispatch:CareVisitRules:1:RegionCode", Village),
        new("Grid:Dispatch:CareVisitRules:1:IntervalDays", "30"),
    ];
}

[CollectionDefinition(Name)]
public sealed class CareScheduleCollection : ICollectionFixture<CareScheduleFactory>
{
    public const string Name = "care-schedules";
}

[Collection(CareScheduleCollection.Name)]
public sealed class CareScheduleTests(CareScheduleFactory factory)
{
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private static DateOnly Today => CareScheduleRules.Today(DateTime.UtcNow);

    [Fact]
    public async Task EveryTownshipHasARunningScheduleAfterTheFirstStart()
    {
        var registered = 0;
        for (var i = 0; i < 100 && registered == 0; i++)
        {
            registered = await Grains.GetGrain<ICareScheduleRegistrarGrain>(RegionCodes.City).EnsureAllAsync();
            if (registered == 0) await Task.Delay(200);
        }
        var schedule = await Grains.GetGrain<ICareScheduleGrain>(RegionCodes.TownshipOf(CareScheduleFactory.Village)).GetAsync();

        Assert.True(registered >= 10, $"{registered} township schedules");
        Assert.NotNull(schedule.NextRunUtc);
        Assert.True(schedule.NextRunUtc > DateTime.UtcNow && schedule.NextRunUtc <= DateTime.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task GeneratingADayTwiceCreatesNothingNewAndTheCityWideTriggerAnswersAtOnce()
    {
        var day = Today.AddDays(-1);
        using var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        var preview = await (await admin.GetAsync($"/api/care-visits/generate?region={CareScheduleFactory.Village}&date={day:yyyy-MM-dd}")).ReadAsync<CareVisitPreviewDto>();
        Assert.NotEmpty(preview.WouldCreate);

        var watch = Stopwatch.StartNew();
        var first = await admin.PostAsync($"/api/care-visits/generate?region={RegionCodes.City}&date={day:yyyy-MM-dd}", null);
        var elapsed = watch.Elapsed;

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the city-wide trigger took {elapsed.TotalMilliseconds:F0} ms");
        var queued = await first.ReadAsync<CareVisitQueuedDto>();
        Assert.Contains(CareScheduleFactory.Village, queued.Queued);
        Assert.True(queued.Townships > 50, $"{queued.Townships} townships");

        var created = await WaitForVisitsAsync(CareScheduleFactory.Village, day, preview.WouldCreate.Count);
        Assert.Equal(preview.WouldCreate.Select(p => p.TaskId).Order(), created.Order());

        var second = await (await admin.PostAsync($"/api/care-visits/generate?region={CareScheduleFactory.Village}&date={day:yyyy-MM-dd}", null)).ReadAsync<CareVisitQueuedDto>();
        Assert.Empty(second.Queued);
        Assert.Equal([CareScheduleFactory.Village], second.AlreadyDone);
        await Task.Delay(1000);
        Assert.Equal(created.Order(), (await VisitsAsync(CareScheduleFactory.Village, day)).Order());
        Assert.Empty((await (await admin.GetAsync($"/api/care-visits/generate?region={CareScheduleFactory.Village}&date={day:yyyy-MM-dd}")).ReadAsync<CareVisitPreviewDto>()).WouldCreate);
    }

    [Theory]
    [InlineData("2020-01-01")]
    [InlineData("next-week")]
    public async Task ADateFarFromTodayOrNotADateIsRejected(string date)
    {
        using var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);

        var post = await admin.PostAsync($"/api/care-visits/generate?region={CareScheduleFactory.Village}&date={date}", null);
        var get = await admin.GetAsync($"/api/care-visits/generate?region={CareScheduleFactory.Village}&date={date}");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Contains("date", await post.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<string>> VisitsAsync(string village, DateOnly day) =>
        [.. (await Grains.GetGrain<IVillageTasksGrain>(village).ListAsync())
            .Where(t => t.Kind == Grid.Contracts.TaskKind.CareVisit && t.TaskId.EndsWith($"-CV{day:yyyyMMdd}", StringComparison.Ordinal)).Select(t => t.TaskId)];

    private async Task<IReadOnlyList<string>> WaitForVisitsAsync(string village, DateOnly day, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var visits = await VisitsAsync(village, day);
            if (visits.Count >= expected || DateTime.UtcNow > deadline) return visits;
            await Task.Delay(250);
        }
    }
}

/// <summary>The schedule's calendar: which days a morning run covers after downtime.</summary>
public sealed class CareScheduleRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 10);

    [Fact]
    public void ARunTheDayAfterTheLastCoversOnlyToday() =>
        Assert.Equal([Day], CareScheduleRules.DaysToRun(Day.AddDays(-1), Day));

    [Fact]
    public void ARunAfterAGapCatchesUpTheMissedDays() =>
        Assert.Equal([Day.AddDays(-2), Day.AddDays(-1), Day], CareScheduleRules.DaysToRun(Day.AddDays(-3), Day));

    [Fact]
    public void CatchingUpIsBoundedToTheLastWeek()
    {
        var days = CareScheduleRules.DaysToRun(Day.AddDays(-40), Day);

        Assert.Equal(CareScheduleRules.CatchUpDays, days.Count);
        Assert.Equal(Day.AddDays(1 - CareScheduleRules.CatchUpDays), days[0]);
        Assert.Equal(Day, days[^1]);
    }

    [Fact]
    public void ADayAlreadyScheduledIsNotRunAgain() =>
        Assert.Empty(CareScheduleRules.DaysToRun(Day, Day));

    [Fact]
    public void TheNextRunIsTheComingSixOClockInShanghai()
    {
        var before = new DateTime(2026, 12, 9, 21, 0, 0, DateTimeKind.Utc); // 05:00 Shanghai
        var after = new DateTime(2026, 12, 9, 23, 0, 0, DateTimeKind.Utc); // 07:00 Shanghai

        Assert.Equal(new DateTime(2026, 12, 9, 22, 0, 0, DateTimeKind.Utc), CareScheduleRules.NextRunUtc(before));
        Assert.Equal(new DateTime(2026, 12, 10, 22, 0, 0, DateTimeKind.Utc), CareScheduleRules.NextRunUtc(after));
    }
}
