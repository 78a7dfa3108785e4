using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grid.Portal.Services;

/// <summary>The portal's only way to the server: the Gateway's HTTP API, with the signed-in token attached.</summary>
public sealed class ApiClient(HttpClient http, Session session)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<T> GetAsync<T>(string path) => await SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<T> PostAsync<T>(string path, object body) =>
        await SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) });

    private async Task<T> SendAsync<T>(HttpRequestMessage request)
    {
        if (session.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw await ApiException.FromAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }
}

/// <summary>An API refusal, carrying the problem details' title and detail for the person to read.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static async Task<ApiException> FromAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new ApiException((int)response.StatusCode, string.Join(" ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s))));
        }
        catch (JsonException)
        {
            return new ApiException((int)response.StatusCode, $"服务器返回 {(int)response.StatusCode}。The server answered {(int)response.StatusCode}.");
        }
    }
}
