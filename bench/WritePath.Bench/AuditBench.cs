using System.Diagnostics;
using Grid.Grains.Audit;

namespace Grid.WritePath.Bench;

/// <summary>
/// Audit: N entries into one county-day through the real day grain, 64 appends in flight (one group
/// commit each), timed at the start and at the end of the day. The old path (main e6d980d: the whole
/// day list rewritten per batch) is computed from the list it would have written.
/// </summary>
public static class AuditBench
{
    private const int Window = 1000, Parallel = 64;

    public static async Task RunAsync(IGrainFactory grains, int count)
    {
        var day = new DateTime(2030, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var grain = grains.GetGrain<IAuditDayGrain>(GrainAuditLog.KeyOf("421202000000", DateOnly.FromDateTime(day)) + "/" + Guid.NewGuid().ToString("N")[..6]);
        var entries = Enumerable.Range(0, count).Select(i =>
            new AuditEntry(day.AddMilliseconds(i * 500), $"worker{i % 300}", "Worker", "resident.read", "Resident", $"R{i:D7}", "421202001001", "fields: name, phone")).ToList();
        var times = new double[count];
        for (var i = 0; i < count; i += Parallel)
        {
            var wave = entries.Skip(i).Take(Parallel).ToArray();
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(wave.Select(grain.AppendAsync));
            for (var j = 0; j < wave.Length; j++) times[i + j] = sw.Elapsed.TotalMicroseconds / wave.Length;
        }
        // Bytes per entry: one batch of 64 rewrites one chunk (new) or the whole day so far (old).
        var chunk = Sizes.Bytes(new AuditChunk { Entries = entries.Take(AuditChunks.Size).ToList() });
        var oldStart = Sizes.Timed(new AuditDayState { Entries = entries.Take(Window).ToList() });
        var oldEnd = Sizes.Timed(new AuditDayState { Entries = entries });
        var stored = await grain.QueryAsync(new AuditFilter(null, null, day, day.AddDays(1)));
        if (stored.Count != count) throw new InvalidOperationException($"Stored {stored.Count} of {count} entries.");

        double start = times.Take(Window).Average(), end = times.Skip(count - Window).Average();
        Console.WriteLine($"## audit: {count:N0} entries in one county-day, {Parallel} appends in flight, real grain on SQLite (all {stored.Count:N0} read back)");
        Console.WriteLine("| | first 1,000 entries | last 1,000 entries | end / start |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| new: µs per entry (wall) | {start:0.0} | {end:0.0} | {Sizes.Ratio(end, start)} |");
        Console.WriteLine($"| new: bytes written per entry (one {AuditChunks.Size}-entry chunk per batch of {Parallel}) | {chunk / (double)Parallel:N0} | {chunk / (double)Parallel:N0} | 1.00× |");
        Console.WriteLine($"| old: bytes written per entry (whole day list per batch of {Parallel}) | {oldStart.Bytes / (double)Parallel:N0} | {oldEnd.Bytes / (double)Parallel:N0} | {Sizes.Ratio(oldEnd.Bytes, oldStart.Bytes)} |");
        Console.WriteLine($"| old: µs per entry to serialize the day list (CPU only) | {oldStart.Micros / Parallel:0.0} | {oldEnd.Micros / Parallel:0.0} | {Sizes.Ratio(oldEnd.Micros, oldStart.Micros)} |");
        Console.WriteLine($"| old / new bytes per entry | {Sizes.Ratio(oldStart.Bytes, chunk)} | {Sizes.Ratio(oldEnd.Bytes, chunk)} | |");
    }
}
