using System.Globalization;

namespace Grid.LoadTest;

/// <summary>
/// Relative weights of the kinds of work. reads: public pages (regions, rosters, delegation lists,
/// catalog); sign-in; requests: residents' and hotline requests; worker: a worker opens their list
/// and takes the next step on a task; evaluations: a service registered and rated; accounts and
/// deadlines: administrator writes (off by default; the fault tests use them as probes); hotline: the
/// 12345 center files a new work order (off in the day's mix; alone in the "hotline" mix).
/// </summary>
public sealed record Mix(IReadOnlyDictionary<string, double> Weights)
{
    public static readonly string[] Kinds = ["reads", "sign-in", "requests", "worker", "evaluations", "accounts", "deadlines", "hotline"];

    /// <summary>
    /// A day's shares. Sign-in is 0.2%: a person signs in once a session and the portal refreshes its token
    /// after that (no password hash), while a password check costs 600,000 PBKDF2 rounds, about a fifth of
    /// a core-second, by design; at 3% the mix spent more CPU on sign-ins than on all other work.
    /// </summary>
    public static Mix Default { get; } = new(new Dictionary<string, double>
    {
        ["reads"] = 40, ["sign-in"] = 0.2, ["requests"] = 20, ["worker"] = 25, ["evaluations"] = 12, ["accounts"] = 0, ["deadlines"] = 0, ["hotline"] = 0,
    });

    /// <summary>Only POST /api/requests: each answer is a request assigned (offered to a worker) or queued.</summary>
    public static Mix Requests { get; } = new(Kinds.ToDictionary(k => k, k => k == "requests" ? 1.0 : 0));

    /// <summary>Only POST /api/hotline/orders: the hotline center files new work orders (Issue 15's 200 orders/s).</summary>
    public static Mix Hotline { get; } = new(Kinds.ToDictionary(k => k, k => k == "hotline" ? 1.0 : 0));

    /// <summary>
    /// "requests", "hotline" or "day" (the default weights: requests, worker steps, evaluations, public reads,
    /// sign-in), or "reads=50,requests=20": named kinds take the given weights, the rest keep the day's.
    /// </summary>
    public static Mix Parse(string text)
    {
        if (text.Trim() == "requests") return Requests;
        if (text.Trim() == "day") return Default;
        if (text.Trim() == "hotline") return Hotline;
        var weights = new Dictionary<string, double>(Default.Weights);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !Kinds.Contains(pair[0]) || !double.TryParse(pair[1], CultureInfo.InvariantCulture, out var w) || w < 0)
                throw new ArgumentException($"--mix: '{part}' is not kind=weight with kind one of {string.Join(", ", Kinds)}.");
            weights[pair[0]] = w;
        }
        if (weights.Values.Sum() <= 0) throw new ArgumentException("--mix: at least one weight must be positive.");
        return new Mix(weights);
    }

    /// <summary>Picks a kind among those still enabled, by weight; null when none is left.</summary>
    public string? Pick(Random random, IReadOnlySet<string> disabled)
    {
        var live = Weights.Where(w => w.Value > 0 && !disabled.Contains(w.Key)).ToList();
        var total = live.Sum(w => w.Value);
        if (total <= 0) return null;
        var x = random.NextDouble() * total;
        foreach (var (kind, weight) in live)
        {
            if ((x -= weight) < 0) return kind;
        }
        return live[^1].Key;
    }
}
