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
    /// <summary>How many villages of the county have their residents ask and their workers answer.</summary>
    public int Villages { get; init; } = 12;
    /// <summary>The county whose people the load acts for (咸安区, which the demo seed always creates).</summary>
    public string County { get; init; } = "421202000000";
    public int Seed { get; init; } = 7;
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
                "--county" => o with { County = Next() },
                "--villages" => o with { Villages = int.Parse(Next(), CultureInfo.InvariantCulture) },
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
        if (County.Length != 12 || !County.All(char.IsAsciiDigit)) throw new ArgumentException("--county must be a 12-digit county code.");
        if (string.IsNullOrEmpty(Password)) throw new ArgumentException("Give the demo accounts' password (--password or GRID_DEMO_PASSWORD).");
        return this;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
