using System.Net;
using System.Text;
using System.Text.Json;
using Grid.Gateway.Apis.Dispatch;
using Grid.Gateway.Hosting;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests;

/// <summary>POST /api/planning/solve is capped: seconds, body size, visits, workers (413) and solves at once (429).</summary>
[Collection(GatewayCollection.Name)]
public sealed class PlanningLimitsTests(GatewayFactory gateway)
{
    private PlanningLimits Limits => gateway.Services.GetRequiredService<PlanningGate>().Limits;

    [Fact]
    public async Task ASmallInstanceIsSolved()
    {
        var response = await SolveAsync(Instance(2, 1), "seconds=0.2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-1")]
    [InlineData("Infinity")]
    [InlineData("1e308")]
    [InlineData("31")]
    public async Task SecondsOutsideTheRangeAreABadRequestProblem(string seconds)
    {
        var response = await SolveAsync(Instance(2, 1), $"seconds={seconds}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("seconds", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyOverTheCapIsContentTooLarge()
    {
        var padding = new string(' ', (int)Limits.MaxBodyBytes);
        var response = await SolveAsync(Instance(2, 1) + padding);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AChunkedBodyOverTheCapIsContentTooLargeToo()
    {
        using var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Instance(2, 1) + new string(' ', (int)Limits.MaxBodyBytes))));
        body.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/solve") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task MoreVisitsThanTheCapAreContentTooLarge()
    {
        var over = await SolveAsync(Instance(Limits.MaxVisits + 1, 1), "seconds=0.1");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("visits", await over.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MoreWorkersThanTheCapAreContentTooLarge()
    {
        var over = await SolveAsync(Instance(2, Limits.MaxWorkers + 1), "seconds=0.1");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("workers", await over.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenEverySolveSlotIsTakenTheAnswerIs429WithRetryAfter()
    {
        var gate = gateway.Services.GetRequiredService<PlanningGate>();
        var taken = 0;
        while (gate.TryEnter()) taken++;
        Assert.Equal(Limits.MaxConcurrentSolves, taken);
        HttpResponseMessage busy;
        try { busy = await SolveAsync(Instance(2, 1), "seconds=2"); }
        finally { for (var i = 0; i < taken; i++) gate.Exit(); }

        Assert.Equal((HttpStatusCode)429, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await SolveAsync(Instance(2, 1), "seconds=0.2")).StatusCode); // free again
    }

    private async Task<HttpResponseMessage> SolveAsync(string body, string query = "")
    {
        using var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        return await client.PostAsync($"/api/planning/solve?{query}", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    /// <summary>A grid-visits/1 instance around 咸安区 with the given numbers of visits and workers.</summary>
    private static string Instance(int visits, int workers) => JsonSerializer.Serialize(new
    {
        format = "grid-visits/1", name = "caps", speedKmh = 25, detourFactor = 1.3,
        workers = Enumerable.Range(0, workers).Select(w => new
        {
            id = $"w{w}", lat = 29.8435, lng = 114.3220, start = "08:30", end = "17:30", maxVisits = 8, skills = Array.Empty<string>(), familiar = Array.Empty<string>(),
        }),
        visits = Enumerable.Range(0, visits).Select(v => new
        {
            id = $"v{v}", residentId = $"r{v}", lat = 29.84 + v % 100 * 0.0003, lng = 114.31 + v / 100 * 0.0003, durationMin = 20,
            earliest = "09:00", latest = "16:00", skills = Array.Empty<string>(), priority = 1,
        }),
    });
}
