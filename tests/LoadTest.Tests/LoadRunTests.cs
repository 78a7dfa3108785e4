using Grid.Testing;

namespace Grid.LoadTest.Tests;

/// <summary>grid-load against the real gateway (in process, demo seed with 咸安区's people): a wrong item code fails, a right run passes and recounts equal.</summary>
public sealed class LoadRunTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task ARunWhoseCreateRequestAnswers400ExitsNonZeroAndCountsThe400s()
    {
        var output = new StringWriter();

        var exit = await Cli.RunAsync(Args("--item-code", "no-such-item"), output, TextWriter.Null, gateway.Server.CreateHandler());

        var text = output.ToString();
        Assert.True(exit == Cli.Failed, text);
        var row = text.Split('\n').Single(l => l.StartsWith("create-request", StringComparison.Ordinal));
        Assert.Matches(@"\b400:\d+", row);
        Assert.DoesNotContain("201:", row);
        Assert.Contains("FAIL", text);
    }

    [Fact]
    public async Task AShortRequestsRunWithTheCatalogsItemsPassesAndItsRecountIsEqual()
    {
        var options = LoadOptions.Parse(Args());
        using var run = new LoadRun(options, gateway.Server.CreateHandler());
        await run.PrepareAsync();
        Assert.NotEmpty(run.World.Items);
        Assert.NotEmpty(run.World.People);

        var report = await run.RunAsync();

        var requests = Assert.Single(report.Operations, o => o.Operation == "create-request");
        Assert.True(requests.Count > 0 && requests.Unexpected == 0, report.ToText());
        Assert.Equal(requests.Count, requests.Outcomes.Values.Sum()); // each 201 was offered or queued
        Assert.NotNull(report.Recount);
        var recount = Assert.Single(report.Recount, l => l.Kind == "requests");
        Assert.Equal(requests.Ok, recount.Told);
        Assert.All(report.Recount, l => Assert.True(l.Equal, report.ToText()));
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(Cli.Passed, await Cli.RunAsync(Args(), TextWriter.Null, TextWriter.Null, gateway.Server.CreateHandler()));
    }

    [Fact]
    public async Task AWarmUpIsReportedApartFromTheMeasuredWindowAndWhatItCreatedIsRecountedToo()
    {
        var options = LoadOptions.Parse(Args("--warmup", "2"));
        using var run = new LoadRun(options, gateway.Server.CreateHandler());

        var report = await run.RunAsync();

        Assert.NotNull(run.WarmupReport);
        var warm = Assert.Single(run.WarmupReport.Operations, o => o.Operation == "create-request");
        var measured = Assert.Single(report.Operations, o => o.Operation == "create-request");
        Assert.True(warm.Ok > 0 && measured.Ok > 0, report.ToText());
        Assert.InRange(measured.Count, 1, 31); // 3 s at 10/s: the warm-up's 20 are not in the figures
        var recount = Assert.Single(report.Recount!, l => l.Kind == "requests");
        Assert.Equal(warm.Ok + measured.Ok, recount.Told);
        Assert.True(recount.Equal, report.ToText());
        Assert.True(report.Passed, report.ToText());
    }

    [Fact]
    public async Task AShortHotlineRunFilesWorkOrdersAndItsRecountIsEqual()
    {
        var options = LoadOptions.Parse([.. Args(), "--mix", "hotline"]);
        using var run = new LoadRun(options, gateway.Server.CreateHandler());
        await run.PrepareAsync();
        Assert.NotEmpty(run.World.HotlineCategories); // precondition: the categories were read from Open311
        Assert.NotEmpty(run.World.Villages);

        var report = await run.RunAsync();

        var orders = Assert.Single(report.Operations, o => o.Operation == "create-work-order");
        Assert.True(orders.Ok > 0 && orders.Unexpected == 0, report.ToText());
        Assert.Equal(orders.Ok, orders.Outcomes.GetValueOrDefault("received"));
        Assert.DoesNotContain(report.Operations, o => o.Operation == "create-request");
        var recount = Assert.Single(report.Recount!, l => l.Kind == "work orders");
        Assert.Equal(orders.Ok, recount.Told);
        Assert.True(recount.Equal, report.ToText());
        Assert.True(report.Passed, report.ToText());
    }

    private static string[] Args(params string[] more) =>
        ["--url", "http://localhost", "--password", GatewayFactory.DemoPassword, "--mix", "requests", "--rate", "10", "--seconds", "3",
            "--villages", "4", "--retries", "0", .. more];
}
