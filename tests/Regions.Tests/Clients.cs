using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Grid.Testing;

namespace Grid.Regions.Tests;

/// <summary>Signed-in clients per demo account, kept for the collection so the matrix does not sign in hundreds of times.</summary>
public static class Clients
{
    private static readonly ConcurrentDictionary<string, Task<HttpClient>> Cache = new();

    public static Task<HttpClient> ForAsync(GatewayFactory gateway, string user) =>
        Cache.GetOrAdd($"{gateway.DataPath}|{user}", _ => gateway.SignedInClientAsync(user));

    public static async Task<HttpResponseMessage> SendAsync(GatewayFactory gateway, string user, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var client = await ForAsync(gateway, user);
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) }.WithIfMatch(ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<HttpStatusCode> StatusAsync(GatewayFactory gateway, string user, HttpMethod method, string url, object? body = null, string? ifMatch = null) =>
        (await SendAsync(gateway, user, method, url, body, ifMatch)).StatusCode;
}
