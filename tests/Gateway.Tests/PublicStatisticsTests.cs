using System.Diagnostics.Metrics;
using System.Net;
using Grid.Grains.Common;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>The anonymous satisfaction summary: a bounded window of months, answered from a short cache.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PublicStatisticsTests(GatewayFactory gateway)
{
    private static string ThisMonth => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

    private static string MonthsAgo(int n) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(-n).ToString("yyyy-MM");

    [Theory]
    [InlineData("from", 12, 0)] // 13 months
    [InlineData("to", 0, -1)] // a month to come
    [InlineData("from", 0, 0)] // before the service started (see below)
    public async Task AWindowOutsideTheBoundsIsABadRequestNamingTheField(string field, int fromAgo, int toAgo)
    {
        var query = field == "from" && fromAgo == 0 ? "from=2023-12&to=2024-06" : $"from={MonthsAgo(fromAgo)}&to={MonthsAgo(toAgo)}";

        var response = await gateway.CreateClient().GetAsync($"/api/public/regions/421202000000/satisfaction?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwelveMonthsUpToThisOneAreAnswered()
    {
        var response = await gateway.CreateClient().GetAsync($"/api/public/regions/421202000000/satisfaction?from={MonthsAgo(11)}&to={ThisMonth}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheSameQuestionAgainIsAnsweredFromTheCacheWithoutTheStatisticsGrains()
    {
        const string region = "421202001000";
        var computed = 0;
        var instrument = GridMetrics.PublicStatisticsComputed; // published before the listener starts
        using var listener = new MeterListener();
        listener.InstrumentPublished = (published, l) =>
        {
            if (ReferenceEquals(published, instrument)) l.EnableMeasurementEvents(published);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "region" && (string?)tag.Value == region) Interlocked.Add(ref computed, (int)value);
        });
        listener.Start();
        var client = gateway.CreateClient();
        var url = $"/api/public/regions/{region}/satisfaction?from={MonthsAgo(2)}&to={ThisMonth}";

        var first = await client.GetStringAsync(url);
        Assert.Equal(1, computed); // the first answer was computed: the counter works
        var second = await client.GetStringAsync(url);
        var otherWindow = await client.GetAsync($"/api/public/regions/{region}/satisfaction?from={MonthsAgo(3)}&to={ThisMonth}");

        Assert.Equal(first, second);
        Assert.Equal(HttpStatusCode.OK, otherWindow.StatusCode);
        Assert.Equal(2, computed); // the repeat came from the cache; another window is its own entry
    }
}
