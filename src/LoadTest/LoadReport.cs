using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.LoadTest;

/// <summary>
/// One operation's calls. Expected: the status it expects; Ok: answers with that status;
/// Unexpected: every other answer (4xx, 5xx, 503, none), each an error. Errors: server faults
/// other than 503 (5xx), kept apart for the fault tests. Latencies in milliseconds.
/// </summary>
public sealed record OperationReport(
    string Operation, int Expected, long Count, long Ok, long Unexpected, long Unavailable, long Errors, long NoAnswer, double PerSecond,
    double P50, double P90, double P99, double Max, IReadOnlyDictionary<string, long> Statuses, IReadOnlyDictionary<string, long> Outcomes);

/// <summary>What the run was told it created, read back through the API after the run.</summary>
public sealed record RecountLine(string Kind, long Told, long Found, IReadOnlyList<string> Missing)
{
    public bool Equal => Told == Found && Missing.Count == 0;
}

/// <summary>Throughput, latency percentiles and statuses per operation and overall; the verdict of the run.</summary>
public sealed record LoadReport(
    string Url, double Rate, double Seconds, double ElapsedSeconds, long Dropped, IReadOnlyList<string> Skipped,
    OperationReport Overall, IReadOnlyList<OperationReport> Operations)
{
    /// <summary>A run fails when more than this share of its calls (dropped ones included) are errors.</summary>
    public const double ErrorBudget = 0.001;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
        { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Null until the recount ran (or when it was turned off).</summary>
    public IReadOnlyList<RecountLine>? Recount { get; init; }

    public long Calls => Overall.Count + Dropped;
    public long ErrorCount => Overall.Unexpected + Dropped;
    public double ErrorRate => Calls == 0 ? 0 : (double)ErrorCount / Calls;

    /// <summary>Why the run failed; empty when it passed.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            if (Overall.Count == 0) failures.Add("no call was made");
            if (ErrorRate > ErrorBudget)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{ErrorCount} of {Calls} calls were errors ({ErrorRate:P2} > {ErrorBudget:P1})"));
            foreach (var line in Recount ?? [])
            {
                if (!line.Equal) failures.Add($"recount of {line.Kind}: told {line.Told}, found {line.Found}");
            }
            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    public static LoadReport From(LoadOptions options, LatencyRecorder recorder, double elapsedSeconds, IEnumerable<string> skipped)
    {
        var copies = recorder.Snapshot().Where(o => o.Key is not ("setup" or "recount")).OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (o.Key, Data: o.Value.Copy(), Outcomes: o.Value.Outcomes())).ToList();
        var operations = copies.Select(c => Summarize(c.Key, c.Data.Latencies, c.Data.Statuses, elapsedSeconds, c.Outcomes)).ToList();
        var all = copies.SelectMany(c => c.Data.Latencies).ToArray();
        var statuses = copies.SelectMany(c => c.Data.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var overall = Summarize("overall", all, statuses, elapsedSeconds) with
        {
            Expected = 0, Ok = operations.Sum(o => o.Ok), Unexpected = operations.Sum(o => o.Unexpected),
        };
        return new LoadReport(options.Url.ToString(), options.Rate, options.Seconds, Math.Round(elapsedSeconds, 2), recorder.Dropped,
            [.. skipped.Order(StringComparer.Ordinal)], overall, operations);
    }

    public static OperationReport Summarize(string name, double[] latencies, IReadOnlyDictionary<int, long> statuses, double seconds,
        IReadOnlyDictionary<string, long>? outcomes = null)
    {
        Array.Sort(latencies);
        long Sum(Func<int, bool> p) => statuses.Where(s => p(s.Key)).Sum(s => s.Value);
        var expected = Expectations.For(name);
        return new OperationReport(name, expected, latencies.Length, Sum(s => s == expected), Sum(s => s != expected), Sum(s => s == 503),
            Sum(s => s >= 500 && s != 503), Sum(s => s == 0), Math.Round(latencies.Length / Math.Max(seconds, 0.001), 1),
            Percentile(latencies, 50), Percentile(latencies, 90), Percentile(latencies, 99), latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1),
            statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value),
            (outcomes ?? new Dictionary<string, long>()).OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }

    public string ToJson() => JsonSerializer.Serialize(new { Report = this, Calls, ErrorCount, ErrorRate, Passed, Failures }, JsonOptions);

    /// <param name="recountAndVerdict">False for a warm-up: its table and error count only, no recount and no pass or fail.</param>
    public string ToText(bool recountAndVerdict = true)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"grid-load {Url} rate {Rate}/s for {Seconds} s (ran {ElapsedSeconds} s); dropped (not started, in-flight limit) {Dropped}");
        if (Skipped.Count > 0) text.AppendLine($"skipped (route not present): {string.Join(", ", Skipped)}");
        text.AppendLine(c, $"{"operation",-22} {"expect",6} {"count",7} {"errors",6} {"ops/s",7} {"p50",7} {"p90",7} {"p99",7} {"max",8}  statuses; outcomes");
        foreach (var o in Operations.Append(Overall))
        {
            var statuses = string.Join(" ", o.Statuses.Select(s => $"{s.Key}:{s.Value}"));
            var outcomes = o.Outcomes.Count == 0 ? "" : "; " + string.Join(" ", o.Outcomes.Select(s => $"{s.Key}:{s.Value}"));
            text.AppendLine(c,
                $"{o.Operation,-22} {(o.Expected == 0 ? "" : o.Expected.ToString(c)),6} {o.Count,7} {o.Unexpected,6} {o.PerSecond,7:F1} {o.P50,7:F1} {o.P90,7:F1} {o.P99,7:F1} {o.Max,8:F1}  {statuses}{outcomes}");
        }
        text.AppendLine("latency in ms from the scheduled start of the operation's first call (open loop); errors = answers other than the expected status");
        if (Recount is { } recount)
        {
            text.AppendLine("recount through the API after the run:");
            foreach (var line in recount)
            {
                text.AppendLine(c, $"  {line.Kind,-16} told {line.Told,7} found {line.Found,7} {(line.Equal ? "equal" : "DIFFERENT")}");
                foreach (var m in line.Missing.Take(5)) text.AppendLine($"    {m}");
            }
        }
        text.AppendLine(c, $"errors {ErrorCount} of {Calls} calls ({ErrorRate:P3}); budget {ErrorBudget:P1}");
        if (recountAndVerdict) text.AppendLine(Passed ? "PASS" : "FAIL: " + string.Join("; ", Failures));
        return text.ToString();
    }
}
