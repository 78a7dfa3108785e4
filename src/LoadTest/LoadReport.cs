using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.LoadTest;

public sealed record OperationReport(
    string Operation, long Count, long Ok, long Unavailable, long Errors, long NoAnswer, double PerSecond,
    double P50, double P90, double P99, double Max, IReadOnlyDictionary<string, long> Statuses);

/// <summary>Throughput and latency percentiles (milliseconds) per operation and overall.</summary>
public sealed record LoadReport(
    string Url, double Rate, double Seconds, double ElapsedSeconds, long Dropped, IReadOnlyList<string> Skipped,
    OperationReport Overall, IReadOnlyList<OperationReport> Operations)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
        { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static LoadReport From(LoadOptions options, LatencyRecorder recorder, double elapsedSeconds, IEnumerable<string> skipped)
    {
        var copies = recorder.Snapshot().Where(o => o.Key != "setup").OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => (o.Key, Data: o.Value.Copy())).ToList();
        var operations = copies.Select(c => Summarize(c.Key, c.Data.Latencies, c.Data.Statuses, elapsedSeconds)).ToList();
        var all = copies.SelectMany(c => c.Data.Latencies).ToArray();
        var statuses = copies.SelectMany(c => c.Data.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new LoadReport(options.Url.ToString(), options.Rate, options.Seconds, Math.Round(elapsedSeconds, 2), recorder.Dropped,
            [.. skipped.Order(StringComparer.Ordinal)], Summarize("overall", all, statuses, elapsedSeconds), operations);
    }

    public static OperationReport Summarize(string name, double[] latencies, IReadOnlyDictionary<int, long> statuses, double seconds)
    {
        Array.Sort(latencies);
        long Sum(Func<int, bool> p) => statuses.Where(s => p(s.Key)).Sum(s => s.Value);
        return new OperationReport(name, latencies.Length, Sum(s => s is >= 200 and < 500 && s != 429), Sum(s => s == 503),
            Sum(s => s >= 500 && s != 503), Sum(s => s == 0), Math.Round(latencies.Length / Math.Max(seconds, 0.001), 1),
            Percentile(latencies, 50), Percentile(latencies, 90), Percentile(latencies, 99), latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 1),
            statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"grid-load {Url} rate {Rate}/s for {Seconds} s (ran {ElapsedSeconds} s), dropped {Dropped}");
        if (Skipped.Count > 0) text.AppendLine($"skipped (route not present): {string.Join(", ", Skipped)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"operation",-22} {"count",7} {"ok",7} {"503",6} {"5xx",5} {"none",5} {"ops/s",7} {"p50",8} {"p90",8} {"p99",8} {"max",8}");
        foreach (var o in Operations.Append(Overall))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{o.Operation,-22} {o.Count,7} {o.Ok,7} {o.Unavailable,6} {o.Errors,5} {o.NoAnswer,5} {o.PerSecond,7:F1} {o.P50,8:F1} {o.P90,8:F1} {o.P99,8:F1} {o.Max,8:F1}");
        }
        text.AppendLine("latencies in milliseconds; ok = 2xx and 4xx answers the API meant (e.g. 409 on a raced step)");
        return text.ToString();
    }
}
