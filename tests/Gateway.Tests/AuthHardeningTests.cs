using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Gateway.Hosting;
using Grid.Grains.Accounts;
using Grid.Storage;
using Grid.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Gateway.Tests;

/// <summary>Sign-in throttling, hash strength and upgrade, refresh-token rotation and revocation, through the real pipeline.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthHardeningTests(GatewayFactory gateway)
{
    private const string Password = "right-password-1";

    [Fact]
    public void TheProductDefaultsAreOwaspStrengthAndShortTokens()
    {
        Assert.Equal(600_000, PasswordHasher.DefaultIterations);
        Assert.Equal(600_000, new AuthOptions().PasswordIterations);
        Assert.Equal(600_000, new PasswordHashingOptions().PasswordIterations);
        Assert.Contains("$600000$", PasswordHasher.Hash("x"));
        Assert.Equal(TimeSpan.FromMinutes(15), new AuthOptions().AccessTokenLifetime);
        Assert.Throws<InvalidOperationException>(() => new AuthOptions { TokenLifetimeMinutes = 480 }.AccessTokenLifetime);
        var settings = File.ReadAllText(Path.Combine(ContentRoot.Find("src/Gateway"), "appsettings.json"));
        Assert.DoesNotContain("PasswordIterations", settings);
    }

    [Fact]
    public async Task FiftyWrongPasswordsFromOneAddressDoNotStopTheOwnerSigningInFromAnother()
    {
        var attacker = TestClientAddress.From(gateway.CreateClient(), $"203.0.113.{Random.Shared.Next(1, 250)}");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 50; i++)
        {
            var wrong = await attacker.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", "wrong-password-" + i));
            statuses.Add(wrong.StatusCode);
            if (wrong.StatusCode == HttpStatusCode.TooManyRequests) throttled ??= wrong;
        }
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.NotNull(throttled); // the failing address is slowed down…
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await attacker.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", GatewayFactory.DemoPassword))).StatusCode);

        var owner = TestClientAddress.From(gateway.CreateClient(), $"198.51.100.{Random.Shared.Next(1, 250)}");
        var watch = Stopwatch.StartNew();
        var response = await owner.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", GatewayFactory.DemoPassword));
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // …and the owner, elsewhere, is not
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AnUnknownUserNameCostsAPasswordHashLikeAWrongPassword()
    {
        var client = TestClientAddress.From(gateway.CreateClient(), "192.0.2.10");
        var before = PasswordHasher.Verifications;
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("nobody-" + Guid.NewGuid().ToString("N")[..8], "a-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(PasswordHasher.Verifications > before, "an unknown account answered without hashing");
    }

    [Fact]
    public async Task AnOldWeakerHashIsReplacedOnTheNextSuccessfulSignIn()
    {
        var user = "old-" + Guid.NewGuid().ToString("N")[..8];
        var storage = gateway.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name);
        var id = GrainId.Create("account", user);
        var old = new GrainState<AccountState>(new AccountState
        {
            Info = new AccountInfo(user, "Old", Roles.Worker, "421202001001", null, true),
            PasswordHash = PasswordHasher.Hash(Password, 1_000),
        });
        await storage.WriteStateAsync("account", id, old);

        var response = await gateway.CreateClient().PostAsJsonAsync("/api/auth/token", new TokenRequest(user, Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = new GrainState<AccountState>();
        await storage.ReadStateAsync("account", id, stored);
        Assert.Equal(GatewayFactory.TestPasswordIterations, PasswordHasher.IterationsOf(stored.State!.PasswordHash!));
        Assert.True(PasswordHasher.Verify(Password, stored.State.PasswordHash!));
    }

    [Fact]
    public async Task RefreshRotatesTheTokenAndASpentOneRevokesTheWholeFamily()
    {
        var (client, first) = await SignInAsync(await NewAccountAsync());
        Assert.Contains("httponly", first.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", first.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/auth", first.SetCookie, StringComparison.OrdinalIgnoreCase);

        var second = await RefreshAsync(client, first.Cookie);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.Cookie, second.Cookie);

        var reuse = await RefreshAsync(client, first.Cookie); // the spent one, as a thief would
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, second.Cookie)).Status); // the family is gone
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var (client, first) = await SignInAsync(await NewAccountAsync());
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
        signOut.Headers.Add("Cookie", first.Cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, first.Cookie)).Status);
    }

    [Fact]
    public async Task ADisabledAccountsAccessTokenIsRefusedAtOnceAndItsSessionEnds()
    {
        var user = await NewAccountAsync();
        var (client, first) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(client, first.AccessToken)).StatusCode);

        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        (await admin.PostAsync($"/api/admin/accounts/{user}/disable", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(client, first.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, first.Cookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(user, Password))).StatusCode);
    }

    [Fact]
    public async Task ANewPasswordOutdatesTheOldAccessToken()
    {
        var user = await NewAccountAsync();
        var (client, first) = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(client, first.AccessToken)).StatusCode);

        await NewAccountAsync(user, "another-password-2");

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(client, first.AccessToken)).StatusCode);
    }

    private async Task<string> NewAccountAsync(string? user = null, string password = Password)
    {
        user ??= "auth-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{user}",
            new CreateAccountRequest(user, "Test", password, Roles.Worker, "421202001001", null))).EnsureSuccessStatusCode();
        return user;
    }

    private sealed record Issued(HttpStatusCode Status, string AccessToken, string Cookie, string SetCookie);

    private async Task<(HttpClient, Issued)> SignInAsync(string user)
    {
        var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(user, Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (client, await IssuedAsync(response));
    }

    private static async Task<Issued> RefreshAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return new Issued(response.StatusCode, "", "", "");
        }
        return await IssuedAsync(response);
    }

    private static async Task<Issued> IssuedAsync(HttpResponseMessage response)
    {
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("grid.refresh=", StringComparison.Ordinal));
        return new Issued(response.StatusCode, token!.AccessToken, setCookie.Split(';')[0], setCookie);
    }

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new("Bearer", accessToken);
        return client.SendAsync(request);
    }
}
