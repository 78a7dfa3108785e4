using Grid.Contracts;
using System.Diagnostics;
using Grid.Grains.Deadlines;
using Grid.Grains.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using K = Grid.Grains.Evaluations.RectificationStepKind;

namespace Grid.Evaluations.Tests;

/// <summary>
/// The flows that used to call each other in a cycle and stall until the 30 s call timeout: a
/// deadline firing at a rectification that cancels it, a rectification escalating on its deadline
/// while telling its service record, and a rectification telling its service record while that
/// record is read and rated again. Run together, each must finish in well under the call timeout.
/// </summary>
[Collection(EvaluationsCollection.Name)]
public sealed class NoCycleTests(EvaluationsFactory factory)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task RectificationServiceRecordAndDeadlineFlowsRunTogetherAndEachFinishesInUnderTwoSeconds()
    {
        var fixing = await BadReviewAsync("ncfix");
        await ActAsync(fixing, K.CallBack);
        await ActAsync(fixing, K.Verify);
        var firing = await BadReviewAsync("ncfire");
        var talking = await BadReviewAsync("nctalk");

        var times = await Task.WhenAll(
            TimedAsync(() => FixWhileItsDeadlineFiresAsync(fixing)),
            TimedAsync(() => EscalateOnTheDeadlineAsync(firing)),
            TimedAsync(() => CallBackWhileTheRecordIsReadAndRatedAgainAsync(talking)));

        Assert.All(times, t => Assert.True(t < Limit, $"a flow took {t.TotalMilliseconds:F0} ms: {string.Join(", ", times.Select(x => $"{x.TotalMilliseconds:F0} ms"))}"));
        var fixedOne = (await Grains.GetGrain<IRectificationGrain>(fixing).GetAsync())!;
        Assert.Equal(RectificationState.Fixed, fixedOne.Status);
        Assert.NotEqual(DeadlineStatus.Pending, (await Deadline(fixing, 0).GetAsync())!.Status);
        var escalated = (await Grains.GetGrain<IRectificationGrain>(firing).GetAsync())!;
        Assert.True(escalated.Overdue);
        Assert.Equal(1, escalated.Escalations);
        Assert.Equal(Grid.Contracts.RegionCodes.TownshipOf(EvaluationsFactory.CenterVillage), escalated.ResponsibleRegion);
        Assert.True((await Grains.GetGrain<IServiceRecordGrain>(firing).GetAsync())!.Outcome.Overdue);
        Assert.Equal(DeadlineStatus.Pending, (await Deadline(firing, 1).GetAsync())!.Status);
        Assert.True((await Grains.GetGrain<IServiceRecordGrain>(talking).GetAsync())!.Outcome.CalledBack);
    }

    [Fact]
    public async Task ADeadlineThatFiredTwiceAtItsTargetEscalatesOnce()
    {
        var id = await BadReviewAsync("ncdup");
        var rectification = Grains.GetGrain<IRectificationGrain>(id);

        await EscalateOnTheDeadlineAsync(id);
        await rectification.OnDeadlineAsync($"rectification/{id}/0", "rectification");

        var info = (await rectification.GetAsync())!;
        Assert.Equal(1, info.Escalations);
        Assert.Single(info.Steps, s => s.Kind == K.Escalated);
    }

    private async Task FixWhileItsDeadlineFiresAsync(string id)
    {
        var rectification = Grains.GetGrain<IRectificationGrain>(id);
        var fire = Deadline(id, 0).ScheduleAsync("rectification", DateTime.UtcNow.AddSeconds(-1), rectification.GetGrainId());
        await Task.Delay(20);
        await Task.WhenAll(fire, rectification.ActAsync(Step(K.Fix, "replaced the form", ["photo-1"]), null));
        await UntilAsync(async () => (await Deadline(id, 0).GetAsync())!.Status != DeadlineStatus.Pending);
    }

    private async Task EscalateOnTheDeadlineAsync(string id)
    {
        var rectification = Grains.GetGrain<IRectificationGrain>(id);
        await Deadline(id, 0).ScheduleAsync("rectification", DateTime.UtcNow.AddSeconds(-1), rectification.GetGrainId());
        await UntilAsync(async () => (await Grains.GetGrain<IServiceRecordGrain>(id).GetAsync())!.Outcome.Overdue);
    }

    private async Task CallBackWhileTheRecordIsReadAndRatedAgainAsync(string id)
    {
        var record = Grains.GetGrain<IServiceRecordGrain>(id);
        await Task.WhenAll(
            Grains.GetGrain<IRectificationGrain>(id).ActAsync(Step(K.CallBack, "called"), null),
            record.GetAsync(),
            Grains.GetGrain<IEvaluationGrain>(id).EvaluateAsync(Bad(id)),
            Grains.GetGrain<IEvaluationGrain>(id).GetFactAsync());
        await UntilAsync(async () => (await record.GetAsync())!.Outcome.CalledBack);
    }

    /// <summary>A window service rated very dissatisfied: the record opens its rectification (with a deadline days away).</summary>
    private async Task<string> BadReviewAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        var village = EvaluationsFactory.CenterVillage;
        await Grains.GetGrain<IServiceRecordGrain>(id).RegisterAsync(new ServiceRecordInfo(id, ServiceRecordKind.WindowService, "staff-nc", "窗口工作人员",
            "ITEM-NC", "测试事项", village, village, "便民服务站", DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(-35), null, null, "test"));
        await Grains.GetGrain<IEvaluationGrain>(id).EvaluateAsync(Bad(id));
        Assert.NotNull(await Grains.GetGrain<IRectificationGrain>(id).GetAsync());
        return id;
    }

    private static EvaluationSubmission Bad(string id) => new(Satisfaction.VeryDissatisfied,
        new IndicatorRatings(Satisfaction.VeryDissatisfied, null, null, null), "slow", RatingChannel.Phone, "test", "key-" + id);

    private Task ActAsync(string id, K kind) => Grains.GetGrain<IRectificationGrain>(id).ActAsync(Step(kind, kind.ToString()), null);

    private static RectificationAction Step(K kind, string note, IReadOnlyList<string>? evidence = null) =>
        new(kind, "tester", note, evidence ?? [], null, null, null);

    private IDeadlineGrain Deadline(string id, int step) => Grains.GetGrain<IDeadlineGrain>($"rectification/{id}/{step}");

    private static async Task<TimeSpan> TimedAsync(Func<Task> flow)
    {
        var watch = Stopwatch.StartNew();
        await flow();
        return watch.Elapsed;
    }

    /// <summary>Polls until the condition holds; gives up after the call timeout would have passed, so a stall fails the test.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(35);
        while (!await condition() && DateTime.UtcNow < giveUp) await Task.Delay(25);
    }
}
