using System.Diagnostics;
using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Grains.Geography;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.WritePath.Bench;

/// <summary>
/// Statistics: N facts of one month through the real counter grains (as ServiceRecordGrain sends
/// them), timed per fact at the start and at the end, with the bytes storage reports writing for
/// counters and fact rows. The old path (main e6d980d: six month grains, each rewriting all its
/// facts per upsert) is computed from the states it would have written.
/// </summary>
public static class StatsBench
{
    private const int Window = 1000, Parallel = 32;

    public static async Task RunAsync(GatewayFactory gateway, IGrainFactory grains, int count)
    {
        var model = await gateway.Services.GetRequiredService<GeographySource>().GetAsync();
        var villages = model.Grids.Values.Select(g => g.VillageCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        var random = new Random(7);
        var run = Guid.NewGuid().ToString("N")[..6];
        var list = Enumerable.Range(0, count).Select(i => new ServiceFact($"b{run}-{i}", 1, $"ITEM{run}{random.Next(40)}", "事项", $"staff{run}-{random.Next(3000)}",
            villages[random.Next(villages.Length)], new DateTime(2030, 3, 1, 2, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 28)), 1.25,
            (Satisfaction)random.Next(5), RectificationOutcome.None)).ToArray();

        // Warm up (JIT, connection pool) on the month before, so the first window measures the grains, not the start.
        foreach (var wave in list.Take(2 * Window).Select(f => f with { RecordId = "warmup/" + f.RecordId, CompletedAtUtc = f.CompletedAtUtc.AddMonths(-1) }).Chunk(Parallel))
            await Task.WhenAll(wave.Select(f => Task.WhenAll(StatsKeys.For(f).Select(k => grains.GetGrain<IServiceStatsGrain>(k).UpsertAsync(f)))));

        var oldKeys = new Dictionary<string, Dictionary<string, ServiceFact>>();
        (double Micros, long NewBytes, long OldBytes, double OldMicros) startSample = default, endSample = default;
        var times = new double[count];
        var bytes = new double[count];
        using var written = new WrittenBytes(new HashSet<string> { "service-stats", "service-fact" });
        for (var i = 0; i < count; i += Parallel)
        {
            var wave = list.Skip(i).Take(Parallel).ToArray();
            var sw = Stopwatch.StartNew();
            var before = written.Total;
            await Task.WhenAll(wave.Select(f => Task.WhenAll(StatsKeys.For(f).Select(k => grains.GetGrain<IServiceStatsGrain>(k).UpsertAsync(f)))));
            for (var j = 0; j < wave.Length; j++) (times[i + j], bytes[i + j]) = (sw.Elapsed.TotalMicroseconds / wave.Length, (double)(written.Total - before) / wave.Length);
            foreach (var f in wave)
                foreach (var k in OldKeys(f))
                    (oldKeys.TryGetValue(k, out var d) ? d : oldKeys[k] = [])[f.RecordId] = f;
            if (i + Parallel >= Window && startSample == default) startSample = Sample(wave[^1], oldKeys, times.Take(Window), bytes.Take(Window));
        }
        endSample = Sample(list[^1], oldKeys, times.Skip(count - Window), bytes.Skip(count - Window));
        Report(count, startSample, endSample);
    }

    private static (double, long, long, double) Sample(ServiceFact f, Dictionary<string, Dictionary<string, ServiceFact>> oldKeys, IEnumerable<double> times, IEnumerable<double> stored)
    {
        long oldBytes = 0;
        double oldMicros = 0;
        foreach (var k in OldKeys(f))
        {
            var (bytes, micros) = Sizes.Timed(new { Facts = oldKeys[k] });
            oldBytes += bytes;
            oldMicros += micros;
        }
        return (times.Average(), (long)Math.Round(stored.Average()), oldBytes, oldMicros);
    }

    /// <summary>The six month grains main e6d980d wrote per fact: staff, item, village, township, county, city.</summary>
    private static IEnumerable<string> OldKeys(ServiceFact f) =>
        [$"s/{f.StaffId}", $"i/{f.ItemCode}", $"r/{f.VillageCode}", $"r/{f.VillageCode[..9]}", $"r/{f.VillageCode[..6]}", "r/city"];

    private static void Report(int count, (double Micros, long NewBytes, long OldBytes, double OldMicros) s, (double Micros, long NewBytes, long OldBytes, double OldMicros) e)
    {
        Console.WriteLine($"## statistics: {count:N0} facts of one month ({count * 4:N0} counter upserts), real grains on SQLite");
        Console.WriteLine("| | first 1,000 facts | last 1,000 facts | end / start |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| new: µs per fact (wall, {Parallel} in flight) | {s.Micros:0} | {e.Micros:0} | {Sizes.Ratio(e.Micros, s.Micros)} |");
        Console.WriteLine($"| new: bytes written per fact (measured: 4 × changed bucket rows + pending row + fact row) | {s.NewBytes:N0} | {e.NewBytes:N0} | {Sizes.Ratio(e.NewBytes, s.NewBytes)} |");
        Console.WriteLine($"| old: bytes written per fact (6 month fact lists) | {s.OldBytes:N0} | {e.OldBytes:N0} | {Sizes.Ratio(e.OldBytes, s.OldBytes)} |");
        Console.WriteLine($"| old: µs to serialize those 6 states (CPU only, no I/O) | {s.OldMicros:0} | {e.OldMicros:0} | {Sizes.Ratio(e.OldMicros, s.OldMicros)} |");
        Console.WriteLine($"| old / new bytes per fact | {Sizes.Ratio(s.OldBytes, s.NewBytes)} | {Sizes.Ratio(e.OldBytes, e.NewBytes)} | |");
    }
}
