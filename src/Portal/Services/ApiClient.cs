using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grid.Portal.Services;

/// <summary>
/// The portal's only way to the server: the Gateway's HTTP API, with the signed-in token attached; a
/// token about to expire is refreshed first, and a 401 is retried once after a refresh.
/// </summary>
public sealed class ApiClient(HttpClient http, Session session)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<T> GetAsync<T>(string path) => (await SendAsync<T>(HttpMethod.Get, path)).Value;

    public Task<Tagged<T>> GetTaggedAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path);

    public async Task<T> PostAsync<T>(string path, object? body, string? idempotencyKey = null, string? ifMatch = null) =>
        (await SendAsync<T>(HttpMethod.Post, path, body, idempotencyKey, ifMatch)).Value;

    /// <summary>A post whose answer has no body (204).</summary>
    public async Task PostAsync(string path, object body)
    {
        using var response = await SendWithRefreshAsync(() => Request(HttpMethod.Post, path, body, null, null));
        if (!response.IsSuccessStatusCode) throw await ApiException.FromAsync(response);
    }

    public Task<Tagged<T>> PutAsync<T>(string path, object body, string? ifMatch) => SendAsync<T>(HttpMethod.Put, path, body, null, ifMatch);

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await CheckedAsync(HttpMethod.Get, path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a file as the body (a sheet to import) and reads the JSON answer.</summary>
    public async Task<T> PostFileAsync<T>(string path, byte[] file, string contentType)
    {
        using var response = await SendWithRefreshAsync(() =>
        {
            var request = Request(HttpMethod.Post, path, null, null, null);
            request.Content = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } };
            return request;
        });
        if (!response.IsSuccessStatusCode) throw await ApiException.FromAsync(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>A file as the server wrote it (a CSV keeps its byte-order mark, so a spreadsheet reads it as UTF-8).</summary>
    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var response = await CheckedAsync(HttpMethod.Get, path);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task DeleteAsync(string path) => (await CheckedAsync(HttpMethod.Delete, path)).Dispose();

    /// <summary>A body-less request's response, or the refusal thrown.</summary>
    private async Task<HttpResponseMessage> CheckedAsync(HttpMethod method, string path)
    {
        var response = await SendWithRefreshAsync(() => Request(method, path, null, null, null));
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ApiException.FromAsync(response);
    }

    public async Task<Tagged<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, string? idempotencyKey = null, string? ifMatch = null)
    {
        using var response = await SendWithRefreshAsync(() => Request(method, path, body, idempotencyKey, ifMatch));
        if (!response.IsSuccessStatusCode) throw await ApiException.FromAsync(response);
        var value = (await response.Content.ReadFromJsonAsync<T>(Json))!;
        return new Tagged<T>(value, response.Headers.ETag?.ToString());
    }

    private async Task<HttpResponseMessage> SendWithRefreshAsync(Func<HttpRequestMessage> request)
    {
        var first = request();
        if (first.RequestUri?.OriginalString.StartsWith("api/auth/", StringComparison.Ordinal) == true) return await http.SendAsync(first);
        if (session.NeedsRefresh) { await session.RefreshAsync(); first = request(); }
        var response = await http.SendAsync(first);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || session.Account is null) return response;
        response.Dispose();
        await session.RefreshAsync();
        return await http.SendAsync(request());
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body, string? idempotencyKey, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (session.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}

/// <summary>A response body with the ETag to send back in If-Match.</summary>
public sealed record Tagged<T>(T Value, string? ETag);
