using System.Net.Http.Json;
using System.Text.Json;

namespace Grid.Portal.Services;

/// <summary>An API refusal, carrying the problem details (title, detail, field errors) for the person to read.</summary>
public sealed class ApiException(int status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    : Exception(Compose(status, title, detail, errors))
{
    public int Status { get; } = status;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static async Task<ApiException> FromAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var errors = new Dictionary<string, string[]>();
            if (problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(m => m.ToString())] : [field.Value.ToString()];
            return new ApiException(status, Text(problem, "title"), Text(problem, "detail"), errors);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return new ApiException(status, null, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static string Compose(int status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(title)) parts.Add(title);
        if (!string.IsNullOrWhiteSpace(detail)) parts.Add(detail);
        parts.AddRange(errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return parts.Count > 0 ? string.Join(" ", parts) : $"HTTP {status}";
    }
}
