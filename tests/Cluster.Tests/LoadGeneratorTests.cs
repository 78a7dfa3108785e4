using Grid.LoadTest;

namespace Grid.Cluster.Tests;

/// <summary>The load generator's own rules: percentiles, the mix, loopback-only targets.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public void PercentilesAreNearestRankOfTheSortedLatencies()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal(50, LoadReport.Percentile(sorted, 50));
        Assert.Equal(90, LoadReport.Percentile(sorted, 90));
        Assert.Equal(99, LoadReport.Percentile(sorted, 99));
        Assert.Equal(100, LoadReport.Percentile(sorted, 100));
        Assert.Equal(0, LoadReport.Percentile([], 50));
    }

    [Fact]
    public void A503IsCountedAsUnavailableAndNoAnswerApartFromOtherErrors()
    {
        var statuses = new Dictionary<int, long> { [200] = 5, [409] = 1, [503] = 2, [500] = 1, [0] = 3 };

        var report = LoadReport.Summarize("x", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], statuses, 2);

        Assert.Equal((12, 6, 2, 1, 3, 6.0), (report.Count, report.Ok, report.Unavailable, report.Errors, report.NoAnswer, report.PerSecond));
    }

    [Fact]
    public void AMixNamesOnlyTheKindsItChangesAndNeverPicksADisabledOrZeroWeightKind()
    {
        var mix = Mix.Parse("requests=0,worker=0,evaluations=0,sign-in=0,reads=1,deadlines=1");
        var random = new Random(1);

        var picks = Enumerable.Range(0, 500).Select(_ => mix.Pick(random, new HashSet<string> { "deadlines" })).Distinct().ToList();

        Assert.Equal(["reads"], picks);
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
    public void OptionsRefuseANonLoopbackUrlWithAMessageNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--url", "http://192.168.1.9:5080", "--password", "x"]));
        Assert.Contains("--url", error.Message);
    }
}
