using System.Text.Json;
using Microsoft.JSInterop;

namespace Grid.Portal.Services;

/// <summary>JSON values in localStorage, under keys per signed-in user so two people on one phone do not mix.</summary>
public sealed class LocalStore(IJSRuntime js, Session session)
{
    private string Key(string name) => $"grid.{session.Account?.UserName ?? "anonymous"}.{name}";

    public async Task<T?> GetAsync<T>(string name)
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key(name));
        if (json is null) return default;
        try { return JsonSerializer.Deserialize<T>(json, ApiClient.Json); }
        catch (JsonException) { return default; }
    }

    public async Task SetAsync<T>(string name, T value) =>
        await js.InvokeVoidAsync("localStorage.setItem", Key(name), JsonSerializer.Serialize(value, ApiClient.Json));
}
