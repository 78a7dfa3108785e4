using System.Text.Json.Nodes;

namespace Grid.LoadTest;

/// <summary>
/// What the load acts on, found and prepared before the clock starts: the demo accounts signed
/// in, the villages of one county, an account for each of their workers (made by the admin), and
/// which features' routes the gateway serves.
/// </summary>
public sealed class LoadWorld
{
    public const string County = "421202000000"; // 咸安区: the county whose people the demo seed always creates
    private static readonly string[] WorkerSuffixes = ["W01", "W02", "P01", "C01", "V01"];

    public required ApiClient Admin { get; init; }
    public required ApiClient Staff { get; init; }
    public required ApiClient Resident { get; init; }
    public required IReadOnlyList<ApiClient> Workers { get; init; }
    public required IReadOnlyList<string> Villages { get; init; }
    public required IReadOnlyList<string> Towns { get; init; }
    public required IReadOnlySet<string> MissingRoutes { get; init; }

    public static async Task<LoadWorld> PrepareAsync(LoadOptions options, HttpMessageHandler handler, LatencyRecorder recorder, CancellationToken ct)
    {
        var anonymous = new ApiClient(ApiClient.Http(handler, options.Url, options.RequestTimeout), new LatencyRecorder());
        async Task<ApiClient> SignIn(string user, string password)
        {
            var (token, subject) = await TokenAsync(anonymous, user, password, ct);
            return new(ApiClient.Http(handler, options.Url, options.RequestTimeout, token), recorder) { SubjectId = subject, Password = password, UserName = user };
        }

        var admin = await SignIn("admin", options.Password);
        var towns = await CodesAsync(anonymous, $"/api/regions/{County}/children", ct);
        var villages = new List<string>();
        foreach (var town in towns)
        {
            if (villages.Count >= options.Villages) break;
            villages.AddRange((await CodesAsync(anonymous, $"/api/regions/{town}/children", ct)).Take(options.Villages - villages.Count));
        }
        if (villages.Count == 0) throw new InvalidOperationException($"No villages found under {County}; is the city seeded?");

        var workers = new List<ApiClient>();
        foreach (var id in villages.SelectMany(v => WorkerSuffixes.Select(s => $"{v}-{s}")))
        {
            var user = "load-" + id.ToLowerInvariant();
            var password = "load-" + options.Password;
            var put = await admin.SendAsync("setup", HttpMethod.Put, $"/api/admin/accounts/{user}",
                new { userName = user, displayName = "负载测试 " + id, password, role = "Worker", regionCode = id[..12], subjectId = id }, ct: ct);
            if (!put.IsSuccess) throw new InvalidOperationException($"Could not create worker account {user}: {put.Status} {put.Body}");
            workers.Add(await SignIn(user, password));
        }
        return new LoadWorld
        {
            Admin = admin, Staff = await SignIn("coordinator", options.Password), Resident = await SignIn("resident", options.Password),
            Workers = workers, Villages = villages, Towns = towns, MissingRoutes = await ProbeAsync(admin, ct),
        };
    }

    /// <summary>Optional features (built in parallel) are probed; a route answering the catch-all 404 is skipped.</summary>
    private static async Task<IReadOnlySet<string>> ProbeAsync(ApiClient admin, CancellationToken ct)
    {
        (string Route, HttpMethod Method, string Path)[] probes =
        [
            ("requests", HttpMethod.Post, "/api/requests"),
            ("tasks", HttpMethod.Get, "/api/tasks/mine"),
            ("service-records", HttpMethod.Post, "/api/service-records"),
            ("evaluations", HttpMethod.Post, "/api/evaluations"),
            ("roster", HttpMethod.Get, $"/api/public/villages/{County}/roster"),
            ("delegation-list", HttpMethod.Get, $"/api/public/regions/{County}/delegation-list"),
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
