using System.Text.Json.Nodes;

namespace Grid.LoadTest;

/// <summary>
/// What the load acts on, found and prepared before the clock starts: the demo accounts signed
/// in, the villages of one county, an account for each of their workers (made by the admin), and
/// which features' routes the gateway serves.
/// </summary>
public sealed class LoadWorld
{
    private const string CoordinatorCounty = "421202000000"; // the demo coordinator's region
    private static readonly string[] WorkerSuffixes = ["W01", "W02", "W03", "W04", "P01", "C01", "V01"];

    public required ApiClient Admin { get; init; }
    public required ApiClient Staff { get; init; }
    public required ApiClient Resident { get; init; }
    public required IReadOnlyList<ApiClient> Workers { get; init; }
    public required IReadOnlyList<string> Villages { get; init; }
    public required IReadOnlyList<string> Towns { get; init; }
    public required IReadOnlySet<string> MissingRoutes { get; init; }
    public required string County { get; init; }

    public static async Task<LoadWorld> PrepareAsync(LoadOptions options, HttpMessageHandler handler, LatencyRecorder recorder, CancellationToken ct)
    {
        var anonymous = new ApiClient(ApiClient.Http(handler, options.Url, options.RequestTimeout), new LatencyRecorder());
        async Task<ApiClient> SignIn(string user, string password)
        {
            var (token, subject) = await TokenAsync(anonymous, user, password, ct);
            return new(ApiClient.Http(handler, options.Url, options.RequestTimeout, token), recorder) { SubjectId = subject, Password = password, UserName = user };
        }

        var admin = await SignIn("admin", options.Password);
        var county = options.County;
        var towns = await CodesAsync(anonymous, $"/api/regions/{county}/children", ct);
        var villages = new List<string>();
        foreach (var town in towns)
        {
            if (villages.Count >= options.Villages) break;
            villages.AddRange((await CodesAsync(anonymous, $"/api/regions/{town}/children", ct)).Take(options.Villages - villages.Count));
        }
        if (villages.Count == 0) throw new InvalidOperationException($"No villages found under {county}; is the city seeded?");

        // Accounts are made a few at a time: each one hashes a password, which is slow on purpose.
        using var gate = new SemaphoreSlim(4);
        var workers = await Task.WhenAll(villages.SelectMany(v => WorkerSuffixes.Select(s => $"{v}-{s}")).Select(async id =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var user = "load-" + id.ToLowerInvariant();
                var password = "load-" + options.Password;
                var put = await admin.SendAsync("setup", HttpMethod.Put, $"/api/admin/accounts/{user}",
                    new { userName = user, displayName = "负载测试 " + id, password, role = "Worker", regionCode = id[..12], subjectId = id }, ct: ct);
                if (!put.IsSuccess) throw new InvalidOperationException($"Could not create worker account {user}: {put.Status} {put.Body}");
                return await SignIn(user, password);
            }
            finally
            {
                gate.Release();
            }
        }));
        return new LoadWorld
        {
            Admin = admin, County = county,
            Staff = county == CoordinatorCounty ? await SignIn("coordinator", options.Password) : admin, Resident = await SignIn("resident", options.Password),
            Workers = workers, Villages = villages, Towns = towns, MissingRoutes = await ProbeAsync(admin, county, ct),
        };
    }

    /// <summary>Optional features (built in parallel) are probed; a route answering the catch-all 404 is skipped.</summary>
    private static async Task<IReadOnlySet<string>> ProbeAsync(ApiClient admin, string county, CancellationToken ct)
    {
        (string Route, HttpMethod Method, string Path)[] probes =
        [
            ("requests", HttpMethod.Post, "/api/requests"),
            ("tasks", HttpMethod.Get, "/api/tasks/mine"),
            ("service-records", HttpMethod.Post, "/api/service-records"),
            ("evaluations", HttpMethod.Post, "/api/evaluations"),
            ("roster", HttpMethod.Get, $"/api/public/villages/{county}/roster"),
            ("delegation-list", HttpMethod.Get, $"/api/public/regions/{county}/delegation-list"),
            ("catalog", HttpMethod.Get, "/api/catalog/items"),
        ];
        var missing = new HashSet<string>();
        foreach (var (route, method, path) in probes)
        {
            var answer = await admin.SendAsync("setup", method, path, method == HttpMethod.Post ? new { } : null, ct: ct);
            if (answer.RouteMissing) missing.Add(route);
        }
        return missing;
    }

    private static async Task<(string Token, string? Subject)> TokenAsync(ApiClient anonymous, string user, string password, CancellationToken ct)
    {
        var answer = await anonymous.SendAsync("setup", HttpMethod.Post, "/api/auth/token", new { userName = user, password }, ct: ct);
        var token = answer.Json?["accessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"Sign-in as {user} failed ({answer.Status}); check the password.");
        return (token, answer.Json?["account"]?["subjectId"]?.GetValue<string>());
    }

    private static async Task<List<string>> CodesAsync(ApiClient anonymous, string path, CancellationToken ct)
    {
        var answer = await anonymous.GetAsync("setup", path, ct);
        return answer.Json is JsonArray array ? array.Select(r => r!["code"]!.GetValue<string>()).ToList() : [];
    }
}
