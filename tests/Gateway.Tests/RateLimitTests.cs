using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>A gateway with tiny limits, so a few calls reach them (the product defaults are per city, not per test).</summary>
public sealed class SmallLimitsFactory : GatewayFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Grid:Seed:People", "false"),
        new("Grid:RateLimits:SignInPerMinute", "3"),
        new("Grid:RateLimits:PublicPerMinute", "4"),
        new("Grid:RateLimits:RatingPerMinute", "2"),
    ];
}

[CollectionDefinition(Name)]
public sealed class SmallLimitsCollection : ICollectionFixture<SmallLimitsFactory>
{
    public const string Name = "small-limits";
}

[Collection(SmallLimitsCollection.Name)]
public sealed class RateLimitTests(SmallLimitsFactory gateway)
{
    [Theory]
    [InlineData("GET", "/api/public/villages/421202001001/roster", 4)]
    [InlineData("POST", "/api/auth/token", 3)]
    [InlineData("POST", "/api/public/evaluations/qr/not-a-token", 2)]
    public async Task AnAddressOverItsLimitGets429WithRetryAfterAndOthersDoNot(string method, string path, int limit)
    {
        var address = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var client = TestClientAddress.From(gateway.CreateClient(), address);
        for (var i = 0; i < limit; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(client, method, path)).StatusCode);

        var refused = await SendAsync(client, method, path);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var other = TestClientAddress.From(gateway.CreateClient(), $"198.51.100.{Random.Shared.Next(1, 250)}");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(other, method, path)).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method == "GET"
        ? client.GetAsync(path)
        : path.EndsWith("/token", StringComparison.Ordinal)
            ? client.PostAsJsonAsync(path, new TokenRequest("nobody", "wrong-password"))
            : client.PostAsJsonAsync(path, new { level = "Satisfied" });
}
