using System.Text.Json.Nodes;

namespace Grid.LoadTest;

/// <summary>A service item as the catalog lists it.</summary>
public sealed record LoadItem(string Code, string Name);

/// <summary>A village's people as the directory APIs list them.</summary>
public sealed record LoadVillage(string Code, IReadOnlyList<string> Residents, IReadOnlyList<string> Workers);

/// <summary>
/// What the load acts on, all read from the running system before the clock starts: the demo
/// accounts signed in, the region's villages (regions API), their residents and workers (people
/// directory APIs), the service items (catalog API), an account for each worker of the first
/// villages (made by the admin), and which features' routes the gateway serves.
/// </summary>
public sealed class LoadWorld
{
    private const string CoordinatorCounty = "421202"; // the demo coordinator's county (咸安区)

    public required ApiClient Admin { get; init; }
    public required ApiClient Staff { get; init; }
    public required ApiClient Resident { get; init; }
    /// <summary>The hotline center's agent (the data bureau's demo account), who files work orders.</summary>
    public required ApiClient Agent { get; init; }
    /// <summary>The hotline's category codes (Open311 services), read when the mix files work orders.</summary>
    public required IReadOnlyList<string> HotlineCategories { get; init; }
    public required IReadOnlyList<ApiClient> Workers { get; init; }
    /// <summary>The villages that have residents, in the order the regions API lists them.</summary>
    public required IReadOnlyList<LoadVillage> People { get; init; }
    public required IReadOnlyList<string> Villages { get; init; }
    public required IReadOnlyList<string> Towns { get; init; }
    public required IReadOnlyList<LoadItem> Items { get; init; }
    public required IReadOnlySet<string> MissingRoutes { get; init; }
    public required string County { get; init; }
    /// <summary>Public pages (operation, path) that answered 200 while preparing; a read of one must answer 200 again.</summary>
    public required IReadOnlyList<(string Operation, string Path)> Reads { get; init; }

    public static async Task<LoadWorld> PrepareAsync(LoadOptions options, HttpMessageHandler handler, LatencyRecorder recorder, CancellationToken ct)
    {
        var setup = new LatencyRecorder();
        var anonymous = new ApiClient(ApiClient.Http(handler, options.Url, options.RequestTimeout), setup);
        async Task<ApiClient> SignIn(string user, string password)
        {
            var (token, subject) = await TokenAsync(anonymous, user, password, ct);
            return new(ApiClient.Http(handler, options.Url, options.RequestTimeout, token), recorder)
                { SubjectId = subject, Password = password, UserName = user, Retries = options.Retries };
        }

        var admin = await SignIn("admin", options.Password);
        var (towns, villageCodes) = await RegionsAsync(anonymous, options.County, ct);
        if (villageCodes.Count == 0) throw new InvalidOperationException($"No villages found under {options.County}; is the city seeded?");
        var people = await PeopleAsync(admin, villageCodes, options.Villages, ct);
        if (people.Count == 0) throw new InvalidOperationException($"No residents found in the villages of {options.County}; are its people seeded?");
        var items = options.ItemCode is { } code ? [new LoadItem(code, code)] : await ItemsAsync(anonymous, ct);
        if (items.Count == 0) throw new InvalidOperationException("The catalog lists no service items; is it seeded?");

        var needsWorkers = options.Mix.Weights.GetValueOrDefault("worker") > 0 || options.Mix.Weights.GetValueOrDefault("sign-in") > 0;
        var workerIds = needsWorkers ? people.Take(options.WorkerVillages).SelectMany(p => p.Workers).ToList() : [];
        // Accounts are made a few at a time: each one hashes a password, which is slow on purpose.
        using var gate = new SemaphoreSlim(4);
        var workers = await Task.WhenAll(workerIds.Select(async id =>
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
            Admin = admin, County = options.County,
            Staff = options.County.StartsWith(CoordinatorCounty, StringComparison.Ordinal) ? await SignIn("coordinator", options.Password) : admin,
            Resident = await SignIn("resident", options.Password),
            Agent = options.Mix.Weights.GetValueOrDefault("hotline") > 0 ? await SignIn("databureau", options.Password) : admin,
            HotlineCategories = options.Mix.Weights.GetValueOrDefault("hotline") > 0 ? await CategoriesAsync(anonymous, ct) : [],
            Workers = workers, People = people, Villages = [.. people.Select(p => p.Code)], Towns = towns, Items = items, MissingRoutes = await ProbeAsync(admin, options.County, ct),
            Reads = await ReadsAsync(anonymous, options.County, towns, people, ct),
        };
    }

    /// <summary>
    /// The public pages of the region that exist: region pages and children, published rosters and
    /// delegation lists (not every village has published one), the catalog search.
    /// </summary>
    private static async Task<List<(string, string)>> ReadsAsync(ApiClient anonymous, string region, IReadOnlyList<string> towns,
        IReadOnlyList<LoadVillage> people, CancellationToken ct)
    {
        var someTowns = towns.Take(12).ToList();
        var someVillages = people.Take(12).Select(p => p.Code).ToList();
        var candidates = new List<(string Op, string Path)>
        {
            ("read-regions", $"/api/regions/{region}/children"), ("read-catalog", $"/api/catalog/items?region={region}&page=0&pageSize=20"),
            ("read-delegation-list", $"/api/public/regions/{region}/delegation-list"),
        };
        candidates.AddRange(someTowns.Select(t => ("read-regions", $"/api/regions/{t}/children")));
        candidates.AddRange(someTowns.Select(t => ("read-delegation-list", $"/api/public/regions/{t}/delegation-list")));
        candidates.AddRange(someVillages.Select(v => ("read-region", $"/api/regions/{v}")));
        candidates.AddRange(someVillages.Select(v => ("read-roster", $"/api/public/villages/{v}/roster")));
        var answers = await Task.WhenAll(candidates.Select(async c => (c, (await anonymous.GetAsync("setup", c.Path, ct)).Status)));
        return [.. answers.Where(a => a.Status == 200).Select(a => a.c)];
    }

    /// <summary>Walks the regions API down from the region to its townships and villages (a code ending in 000 is above village level).</summary>
    private static async Task<(List<string> Towns, List<string> Villages)> RegionsAsync(ApiClient anonymous, string region, CancellationToken ct)
    {
        var towns = new List<string>();
        var villages = new List<string>();
        var level = new List<string> { region };
        while (level.Count > 0)
        {
            var children = await Task.WhenAll(level.Select(code => CodesAsync(anonymous, $"/api/regions/{code}/children", ct)));
            var next = new List<string>();
            foreach (var kid in children.SelectMany(k => k))
            {
                if (kid.EndsWith("000", StringComparison.Ordinal)) next.Add(kid);
                else villages.Add(kid);
            }
            towns.AddRange(next.Where(c => !c.EndsWith("000000", StringComparison.Ordinal)));
            level = next;
        }
        return (towns, villages);
    }

    /// <summary>Each village's residents and workers from the people directory (as the admin), until <paramref name="wanted"/> villages have residents.</summary>
    private static async Task<List<LoadVillage>> PeopleAsync(ApiClient admin, IReadOnlyList<string> villages, int wanted, CancellationToken ct)
    {
        var found = new List<LoadVillage>();
        const int Batch = 16;
        for (var i = 0; i < villages.Count && (wanted == 0 || found.Count < wanted); i += Batch)
        {
            var batch = await Task.WhenAll(villages.Skip(i).Take(Batch).Select(async v => new LoadVillage(v,
                await IdsAsync(admin, $"/api/residents?region={v}&pageSize=100", ct), await IdsAsync(admin, $"/api/workers?region={v}&pageSize=100", ct))));
            found.AddRange(batch.Where(v => v.Residents.Count > 0));
        }
        return wanted == 0 ? found : [.. found.Take(wanted)];
    }

    /// <summary>The hotline's categories as Open311 lists its services.</summary>
    private static async Task<List<string>> CategoriesAsync(ApiClient anonymous, CancellationToken ct)
    {
        var answer = await anonymous.GetAsync("setup", "/open311/v2/services.json", ct);
        return answer.Json is JsonArray services ? [.. services.OfType<JsonObject>().Select(s => s["service_code"]!.GetValue<string>())] : [];
    }

    private static async Task<List<LoadItem>> ItemsAsync(ApiClient anonymous, CancellationToken ct)
    {
        var items = new List<LoadItem>();
        for (var page = 0; page < 100; page++)
        {
            var answer = await anonymous.GetAsync("setup", $"/api/catalog/items?pageSize=100&page={page}", ct);
            if (answer.Json is not JsonObject json) throw new InvalidOperationException($"The catalog answered {answer.Status}: {answer.Body}");
            var rows = (json["items"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            items.AddRange(rows.Select(r => new LoadItem(r["code"]!.GetValue<string>(), r["name"]!.GetValue<string>())));
            if (rows.Count < 100) break;
        }
        return [.. items.DistinctBy(i => i.Code)];
    }

    private static async Task<List<string>> IdsAsync(ApiClient client, string path, CancellationToken ct)
    {
        var answer = await client.GetAsync("setup", path, ct);
        if (answer.Json is not JsonObject json) throw new InvalidOperationException($"GET {path} answered {answer.Status}: {answer.Body}");
        return (json["items"] as JsonArray)?.OfType<JsonObject>().Select(r => r["id"]!.GetValue<string>()).ToList() ?? [];
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
            ("hotline", HttpMethod.Post, "/api/hotline/orders"),
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
