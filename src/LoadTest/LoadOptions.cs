using System.Globalization;
using System.Net;

namespace Grid.LoadTest;

/// <summary>What to drive, how hard and for how long. Only loopback targets are accepted.</summary>
public sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public double Rate { get; init; } = 200;
    public double Seconds { get; init; } = 60;
    public Mix Mix { get; init; } = Mix.Default;
    public string Password { get; init; } = "";
    /// <summary>Operations in flight at most; beyond it a scheduled operation is dropped and counted.</summary>
    public int MaxInFlight { get; init; } = 512;
    /// <summary>How many villages of the region have their residents ask (0: every village of the region).</summary>
    public int Villages { get; init; } = 12;
    /// <summary>How many of those villages' workers get an account and answer their tasks (the worker kind only).</summary>
    public int WorkerVillages { get; init; } = 12;
    /// <summary>
    /// The region (city, county or township) whose people the load acts for; 咸安区 by default, which
    /// the demo seed always fills with people. Its villages, residents and workers are read from the API.
    /// </summary>
    public string County { get; init; } = "421202000000";
    /// <summary>Send every request and service record with this item code instead of the catalog's (to show a wrong code fails the run).</summary>
    public string? ItemCode { get; init; }
    /// <summary>After the run, read back through the API what the run was told it created.</summary>
    public bool Recount { get; init; } = true;
    /// <summary>Extra tries of a create answered 503 or nothing (same Idempotency-Key); every try is counted.</summary>
    public int Retries { get; init; } = 2;
    public int Seed { get; init; } = 7;
    /// <summary>
    /// Seconds of the same mix at the same rate before the measured window (0: none). A fresh process
    /// compiles its hot paths for the first tens of seconds; the warm-up's answers are reported on their
    /// own, not in the figures or the error budget, and what it created is recounted with the rest.
    /// </summary>
    public double Warmup { get; init; }
    public string? JsonPath { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(Next()) },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => o with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--mix" => o with { Mix = Mix.Parse(Next()) },
                "--password" => o with { Password = Next() },
                "--max-in-flight" => o with { MaxInFlight = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--county" or "--region" => o with { County = Next() },
                "--worker-villages" => o with { WorkerVillages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--item-code" => o with { ItemCode = Next() },
                "--no-recount" => o with { Recount = false },
                "--retries" => o with { Retries = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--villages" => o with { Villages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--json" => o with { JsonPath = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return o.Validate();
    }

    public LoadOptions Validate()
    {
        if (!IsLoopback(Url)) throw new ArgumentException($"--url must be a loopback address (127.0.0.1, ::1 or localhost), not {Url.Host}.");
        if (Rate is <= 0 or > 20_000) throw new ArgumentException("--rate must be between 0 and 20000 operations a second.");
        if (Seconds is <= 0 or > 3600) throw new ArgumentException("--seconds must be between 0 and 3600.");
        if (Warmup is < 0 or > 600) throw new ArgumentException("--warmup must be between 0 and 600 seconds.");
        if (County.Length != 12 || !County.All(char.IsAsciiDigit) || !County.EndsWith("000", StringComparison.Ordinal))
            throw new ArgumentException("--region must be the 12-digit code of a city, county or township.");
        if (Villages < 0 || WorkerVillages < 0 || Retries is < 0 or > 5) throw new ArgumentException("--villages, --worker-villages and --retries must not be negative (--retries at most 5).");
        if (MaxInFlight < 1) throw new ArgumentException("--max-in-flight must be at least 1.");
        if (string.IsNullOrEmpty(Password)) throw new ArgumentException("Give the demo accounts' password (--password or GRID_DEMO_PASSWORD).");
        return this;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
