using System.Diagnostics;

namespace Grid.LoadTest.Tests;

/// <summary>How the report counts: per operation and status, against the status each operation expects, within the error budget.</summary>
public sealed class LoadReportTests
{
    [Fact]
    public void EveryAnswerOtherThanTheExpectedStatusIsCountedAsAnErrorPerStatus()
    {
        var statuses = new Dictionary<int, long> { [201] = 5, [200] = 1, [400] = 2, [503] = 1, [500] = 1, [0] = 3 };

        var report = LoadReport.Summarize("create-request", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], statuses, 2);

        Assert.Equal(201, report.Expected);
        Assert.Equal((13L, 5L, 8L), (report.Count, report.Ok, report.Unexpected));
        Assert.Equal((1L, 1L, 3L), (report.Unavailable, report.Errors, report.NoAnswer));
        Assert.Equal(new Dictionary<string, long> { ["none"] = 3, ["200"] = 1, ["201"] = 5, ["400"] = 2, ["500"] = 1, ["503"] = 1 }, report.Statuses);
    }

    [Fact]
    public void ARunOf400sFailsAndTheTextNamesTheStatus()
    {
        var recorder = new LatencyRecorder();
        for (var i = 0; i < 10; i++) recorder.Record("create-request", 400, 3);
        recorder.Record("setup", 200, 1); // preparing is not part of the run

        var report = LoadReport.From(Options(), recorder, 1, []);

        Assert.False(report.Passed);
        Assert.Equal(10, report.ErrorCount);
        Assert.Contains("400:10", report.ToText());
        Assert.Contains("FAIL", report.ToText());
        Assert.DoesNotContain(report.Operations, o => o.Operation == "setup");
    }

    [Theory]
    [InlineData(1, 0, true)]  // 1 error in 1,000 calls is the budget
    [InlineData(2, 0, false)]
    [InlineData(0, 2, false)] // dropped operations are errors too
    public void TheRunFailsWhenErrorsAndDroppedOperationsExceedATenthOfAPercent(int errors, int dropped, bool passes)
    {
        var recorder = new LatencyRecorder();
        for (var i = 0; i < 1000 - errors - dropped; i++) recorder.Record("read-region", 200, 1);
        for (var i = 0; i < errors; i++) recorder.Record("read-region", 404, 1);
        for (var i = 0; i < dropped; i++) recorder.Drop();

        var report = LoadReport.From(Options(), recorder, 1, []);

        Assert.Equal(1000, report.Calls);
        Assert.Equal(passes, report.Passed);
    }

    [Fact]
    public void ARecountThatDiffersFailsARunWithoutErrors()
    {
        var recorder = new LatencyRecorder();
        recorder.Record("create-request", 201, 2);
        var report = LoadReport.From(Options(), recorder, 1, []);
        Assert.True(report.Passed);

        var counted = report with { Recount = [new RecountLine("requests", 1, 0, ["request x: 404"])] };

        Assert.False(counted.Passed);
        Assert.Contains("recount of requests: told 1, found 0", counted.Failures);
    }

    [Fact]
    public async Task TheFirstCallIsTimedFromTheScheduledStartAndLaterCallsFromTheirOwn()
    {
        var scheduled = Stopwatch.GetTimestamp() - Stopwatch.Frequency; // due a second ago: the generator fell behind

        var (first, second) = await Task.Run(() =>
        {
            Schedule.Begin(scheduled);
            return (Schedule.TakeStart(), Schedule.TakeStart());
        });

        Assert.Equal(scheduled, first);
        Assert.True(second > scheduled + Stopwatch.Frequency / 2);
    }

    [Fact]
    public void PercentilesAreNearestRankOfTheSortedLatencies()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal(50, LoadReport.Percentile(sorted, 50));
        Assert.Equal(99, LoadReport.Percentile(sorted, 99));
        Assert.Equal(100, LoadReport.Percentile(sorted, 100));
        Assert.Equal(0, LoadReport.Percentile([], 50));
    }

    [Fact]
    public void TheRequestsMixIsOnlyRequestsAndAMixNeverPicksADisabledOrZeroWeightKind()
    {
        var random = new Random(1);
        Assert.Equal(["requests"], Enumerable.Range(0, 200).Select(_ => Mix.Parse("requests").Pick(random, new HashSet<string>())).Distinct());

        var mix = Mix.Parse("requests=0,worker=0,evaluations=0,sign-in=0,reads=1,deadlines=1");
        Assert.Equal(["reads"], Enumerable.Range(0, 500).Select(_ => mix.Pick(random, new HashSet<string> { "deadlines" })).Distinct());
        Assert.Null(mix.Pick(random, new HashSet<string> { "reads", "deadlines" }));
        Assert.Throws<ArgumentException>(() => Mix.Parse("bogus=3"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("https://example.org", false)]
    public void OnlyLoopbackTargetsAreAccepted(string url, bool accepted) =>
        Assert.Equal(accepted, LoadOptions.IsLoopback(new Uri(url)));

    [Fact]
    public void OptionsRefuseANonLoopbackUrlAndAVillageRegionWithAMessageNamingThem()
    {
        Assert.Contains("--url", Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--url", "http://192.168.1.9:5080", "--password", "x"])).Message);
        Assert.Contains("--region", Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--region", "421202001001", "--password", "x"])).Message);
        Assert.Equal("no-such-item", LoadOptions.Parse(["--item-code", "no-such-item", "--password", "x"]).ItemCode);
    }

    private static LoadOptions Options() => new() { Password = "x", Rate = 10, Seconds = 1 };
}
