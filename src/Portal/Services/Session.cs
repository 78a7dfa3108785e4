using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Contracts;
using Microsoft.JSInterop;

namespace Grid.Portal.Services;

/// <summary>
/// Who is signed in. The access token lives in memory only; the refresh token is an HttpOnly cookie
/// that scripts cannot read (the gateway sets it on /api/auth). On start and whenever the access token
/// is about to expire the portal spends the cookie at /api/auth/refresh. Only the non-secret account
/// is kept in localStorage, so an offline start still knows whose pages and queued work to show.
/// </summary>
public sealed class Session(IJSRuntime js, HttpClient http)
{
    private const string Key = "grid.account";
    private Task<bool>? _refreshing;

    public string? Token { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public AccountDto? Account { get; private set; }
    public event Action? Changed;

    public bool IsIn(params string[] roles) => Account is { } a && roles.Contains(a.Role);

    public bool NeedsRefresh => Account is not null && (Token is null || ExpiresAt < DateTimeOffset.UtcNow.AddSeconds(60));

    public async Task LoadAsync()
    {
        await js.InvokeVoidAsync("localStorage.removeItem", "grid.session"); // the old token store, from before refresh cookies
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        Account = json is null ? null : JsonSerializer.Deserialize<AccountDto>(json, ApiClient.Json);
        await RefreshAsync();
    }

    public async Task SignInAsync(TokenResponse token)
    {
        Set(token);
        await js.InvokeVoidAsync("localStorage.setItem", Key, JsonSerializer.Serialize(token.Account, ApiClient.Json));
    }

    /// <summary>One refresh at a time: two spending the same cookie would look like a stolen token and end the session.</summary>
    public async Task<bool> RefreshAsync()
    {
        if (_refreshing is { } running) return await running;
        _refreshing = RefreshOnceAsync();
        try { return await _refreshing; }
        finally { _refreshing = null; }
    }

    public async Task SignOutAsync()
    {
        try { await http.PostAsync("api/auth/sign-out", null); } catch (HttpRequestException) { } // offline: the cookie expires by itself
        await ForgetAsync();
    }

    private async Task<bool> RefreshOnceAsync()
    {
        try
        {
            using var response = await http.PostAsync("api/auth/refresh", null);
            if (response.IsSuccessStatusCode)
            {
                await SignInAsync((await response.Content.ReadFromJsonAsync<TokenResponse>(ApiClient.Json))!);
                return true;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized) await ForgetAsync();
            return false;
        }
        catch (HttpRequestException) { return false; } // offline: keep the account for the offline pages
    }

    private async Task ForgetAsync()
    {
        Token = null;
        Account = null;
        await js.InvokeVoidAsync("localStorage.removeItem", Key);
        Changed?.Invoke();
    }

    private void Set(TokenResponse token)
    {
        Token = token.AccessToken;
        ExpiresAt = token.ExpiresAt;
        Account = token.Account;
        Changed?.Invoke();
    }
}
