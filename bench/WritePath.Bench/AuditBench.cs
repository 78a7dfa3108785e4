using System.Diagnostics;
using Grid.Grains.Audit;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.WritePath.Bench;

/// <summary>
/// Audit: N appends into one county-day through the real <see cref="IAuditDayGrain"/> on SQLite,
/// timed per append over the first and the last 1,000, with every state written in those windows
/// measured. The old path (one list per county-day, rewritten whole by each group-committed write)
/// is computed for the same writes: each write would have stored every entry of the day so far.
/// </summary>
public static class AuditBench
{
    private const int Window = 1000, Parallel = 32;

    public static async Task RunAsync(GatewayFactory gateway, IGrainFactory grains, int count)
    {
        var writes = gateway.Services.GetRequiredService<RecordedWrites>();
        var day = new DateOnly(2035, 6, 1).AddDays(Random.Shared.Next(300));
        var county = GatewayFactory.SeededCounty;
        var grain = grains.GetGrain<IAuditDayGrain>(GrainAuditLog.KeyOf(county, day));
        var random = new Random(11);
        var entries = Enumerable.Range(0, count).Select(i => new AuditEntry(day.ToDateTime(TimeOnly.MinValue).AddMilliseconds(i * 800L), $"staff-4212021{random.Next(100, 300):000}01-{random.Next(20):00}",
            "CenterStaff", "resident.read", "resident", $"4212021{random.Next(100, 300):000}01-R{random.Next(5000):0000}", $"4212021{random.Next(100, 300):000}01",
            "clear: phone address", $"task/4212021{random.Next(100, 300):000}01-T{i:000000}/{random.Next(1, 9)}")).ToArray();

        // Warm up (JIT, connection pool) on another day, so the first window measures the grain, not the start.
        var warmup = grains.GetGrain<IAuditDayGrain>(GrainAuditLog.KeyOf(county, day.AddDays(1)));
        foreach (var wave in entries.Take(2 * Window).Select(e => e with { Id = "warmup/" + e.Id }).Chunk(Parallel)) await Task.WhenAll(wave.Select(warmup.AppendAsync));

        var started = Stopwatch.StartNew();
        var first = await WindowAsync(grain, entries, 0, writes);
        for (var i = Window; i < count - Window; i += Parallel)
            await Task.WhenAll(entries.Skip(i).Take(Math.Min(Parallel, count - Window - i)).Select(grain.AppendAsync));
        var last = await WindowAsync(grain, entries, count - Window, writes);
        var total = started.Elapsed;

        var stored = await grain.QueryAsync(new AuditFilter(null, null, day.ToDateTime(TimeOnly.MinValue), day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        Report(count, total, stored.Count, Measure(first, entries), Measure(last, entries));
    }

    private static async Task<(double Micros, List<(string, object?)> Writes)> WindowAsync(IAuditDayGrain grain, AuditEntry[] entries, int from, RecordedWrites writes)
    {
        writes.Take();
        writes.Recording = true;
        var sw = Stopwatch.StartNew();
        for (var i = from; i < from + Window; i += Parallel)
            await Task.WhenAll(entries.Skip(i).Take(Math.Min(Parallel, from + Window - i)).Select(grain.AppendAsync));
        var micros = sw.Elapsed.TotalMicroseconds / Window;
        writes.Recording = false;
        return (micros, writes.Take());
    }

    private sealed record Sample(double Micros, int HeadWrites, int ChunkWrites, long NewBytes, long OldBytes, double OldMicros);

    private static Sample Measure((double Micros, List<(string StateName, object? State)> Writes) window, AuditEntry[] entries)
    {
        long newBytes = 0, oldBytes = 0;
        double oldMicros = 0;
        int heads = 0, chunks = 0;
        foreach (var (name, state) in window.Writes)
        {
            newBytes += Sizes.Bytes(state);
            if (name != "auditday" || state is not AuditDayState head) { chunks++; continue; }
            heads++;
            // The old grain's write at this point: the whole day so far, as one list.
            var (bytes, micros) = Sizes.Timed(new AuditDayState { Entries = [.. entries.Take(head.SealedChunks * AuditDayGrain.ChunkSize + head.Entries.Count)] });
            oldBytes += bytes;
            oldMicros += micros;
        }
        return new(window.Micros, heads, chunks, newBytes / Window, oldBytes / Window, oldMicros / Window);
    }

    private static void Report(int count, TimeSpan total, int stored, Sample s, Sample e)
    {
        Console.WriteLine($"## audit: {count:N0} appends into one county-day, real grain on SQLite ({total.TotalSeconds:0.0} s; {stored:N0} entries read back)");
        Console.WriteLine("| | first 1,000 appends | last 1,000 appends | end / start |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| new: µs per append (wall, {Parallel} in flight) | {s.Micros:0} | {e.Micros:0} | {Sizes.Ratio(e.Micros, s.Micros)} |");
        Console.WriteLine($"| new: storage writes (head + sealed chunks) | {s.HeadWrites} + {s.ChunkWrites} | {e.HeadWrites} + {e.ChunkWrites} | |");
        Console.WriteLine($"| new: bytes written per append | {s.NewBytes:N0} | {e.NewBytes:N0} | {Sizes.Ratio(e.NewBytes, s.NewBytes)} |");
        Console.WriteLine($"| old: bytes written per append (whole day list per write, same writes) | {s.OldBytes:N0} | {e.OldBytes:N0} | {Sizes.Ratio(e.OldBytes, s.OldBytes)} |");
        Console.WriteLine($"| old: µs to serialize that list per append (CPU only, no I/O) | {s.OldMicros:0.0} | {e.OldMicros:0.0} | {Sizes.Ratio(e.OldMicros, s.OldMicros)} |");
        Console.WriteLine($"| old / new bytes per append | {Sizes.Ratio(s.OldBytes, s.NewBytes)} | {Sizes.Ratio(e.OldBytes, e.NewBytes)} | |");
    }
}
