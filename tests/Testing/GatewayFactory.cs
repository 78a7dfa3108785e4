using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Grid.Testing;

/// <summary>
/// The real gateway in-process: its co-hosted silo on a SQLite file in a temporary directory, the
/// demo seed with people in 咸安区 only (the demo accounts live there), and free ports for Orleans.
/// Share one per test collection; tests use fresh keys so they do not depend on each other.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "demo-password-for-tests";
    public const string SeededCounty = "421202000000";
    private readonly TempDirectory _data = new();

    public string DataPath => _data.Path;

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Grid:DataDirectory", _data.Path),
        new("Grid:Demo:Password", DemoPassword),
        new("Grid:Orleans:SiloPort", FreePorts.Next().ToString()),
        new("Grid:Orleans:GatewayPort", FreePorts.Next().ToString()),
        new("Grid:Seed:PeopleCounties:0", SeededCounty),
        new("Serilog:MinimumLevel:Default", "Warning"),
        // Tests only: the suites sign in often. The product default is 600,000 (AuthHardeningTests asserts it).
        new("Grid:Auth:PasswordIterations", TestPasswordIterations.ToString()),
    ];

    public const int TestPasswordIterations = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), TokenResponse> _tokens = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    public async Task InitializeAsync()
    {
        var status = Services.GetRequiredService<SeedStatus>();
        var deadline = DateTime.UtcNow.AddMinutes(8); // generous: CI machines and parallel test projects share two cores
        while (!status.Completed && DateTime.UtcNow < deadline) await Task.Delay(200);
        if (!status.Completed) throw new TimeoutException("The demo seed did not finish: " + status.Message);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>
    /// A client signed in as the given user (a demo account unless a password is given). The access token
    /// is reused while it has minutes left, so suites do not pay a sign-in (and a sign-in rate-limit slot) per test.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        if (!_tokens.TryGetValue((userName, password), out var token) || token.ExpiresAt < DateTimeOffset.UtcNow.AddMinutes(3))
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, password));
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!;
            _tokens[(userName, password)] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
