using System.Text.Json;
using Grid.Contracts;
using Microsoft.JSInterop;

namespace Grid.Portal.Services;

/// <summary>Who is signed in; the token is kept in localStorage so a reload or an offline start keeps the session.</summary>
public sealed class Session(IJSRuntime js)
{
    private const string Key = "grid.session";

    public string? Token { get; private set; }
    public AccountDto? Account { get; private set; }
    public event Action? Changed;

    public bool IsIn(params string[] roles) => Account is { } a && roles.Contains(a.Role);

    public async Task LoadAsync()
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        if (json is null) return;
        var saved = JsonSerializer.Deserialize<TokenResponse>(json, ApiClient.Json);
        if (saved is not null && saved.ExpiresAt > DateTimeOffset.UtcNow) Set(saved);
    }

    public async Task SignInAsync(TokenResponse token)
    {
        Set(token);
        await js.InvokeVoidAsync("localStorage.setItem", Key, JsonSerializer.Serialize(token, ApiClient.Json));
    }

    public async Task SignOutAsync()
    {
        Token = null;
        Account = null;
        await js.InvokeVoidAsync("localStorage.removeItem", Key);
        Changed?.Invoke();
    }

    private void Set(TokenResponse token)
    {
        Token = token.AccessToken;
        Account = token.Account;
        Changed?.Invoke();
    }
}
