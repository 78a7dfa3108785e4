using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grid.LoadTest;

/// <summary>
/// One run: prepare the world, then start operations at a fixed rate (open loop: a slow answer
/// does not slow the schedule) for the given time, wait for those in flight, and report.
/// </summary>
/// <param name="handler">Where calls go; null: a pool of real connections to options.Url (tests pass an in-process server's handler).</param>
public sealed class LoadRun(LoadOptions options, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpMessageHandler _handler = handler ?? new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(5),
    };
    private readonly ConcurrentDictionary<string, bool> _disabled = new();

    public LatencyRecorder Recorder { get; } = new();
    public ConcurrentQueue<AcknowledgedWrite> Acknowledged { get; } = new();
    public LoadWorld World { get; private set; } = null!;

    public async Task PrepareAsync(CancellationToken ct = default)
    {
        World = await LoadWorld.PrepareAsync(options, _handler, Recorder, ct);
        if (World.MissingRoutes.Contains("requests")) _disabled["requests"] = true;
        if (World.MissingRoutes.Contains("tasks")) _disabled["worker"] = true;
        if (World.MissingRoutes.Overlaps(["service-records", "evaluations"])) _disabled["evaluations"] = true;
    }

    /// <summary>What the API told the run it created; the recount reads it back.</summary>
    public Ledger Ledger { get; } = new();

    /// <summary>
    /// Runs for options.Seconds, or until <paramref name="stop"/>; operations already started always
    /// finish. Open loop: operation i is due at i / rate whatever happened before, and its first call
    /// is timed from that moment. At most MaxInFlight operations run at once; one due while that many
    /// are in flight is dropped, and a dropped operation is an error of the run. Then, unless turned
    /// off, the recount reads back what the API acknowledged.
    /// </summary>
    public async Task<LoadReport> RunAsync(CancellationToken stop = default)
    {
        if (World is null) await PrepareAsync(stop);
        var operations = new Operations(World!, Acknowledged, _disabled, Ledger);
        var recount = new Recount(World!, Ledger);
        var openBefore = options.Recount ? await recount.OpenTasksAsync(stop) : null;
        var random = new Random(options.Seed);
        var skipped = World!.MissingRoutes.Concat(_disabled.Keys.Select(k => "mix:" + k)).Distinct().ToList();
        if (options.Warmup > 0)
        {
            var warm = await DriveAsync(operations, random, options.Warmup, stop);
            WarmupReport = LoadReport.From(options with { Seconds = options.Warmup }, Recorder, warm, skipped);
            Recorder.Reset();
        }
        var elapsed = await DriveAsync(operations, random, options.Seconds, stop);
        var report = LoadReport.From(options, Recorder, elapsed, skipped);
        return options.Recount ? report with { Recount = await recount.RunAsync(openBefore, TimeSpan.FromSeconds(30), CancellationToken.None) } : report;
    }

    /// <summary>The warm-up's own answers (null without one): shown, not counted in the run's figures.</summary>
    public LoadReport? WarmupReport { get; private set; }

    // Starts operations at the rate for the given seconds and waits for them; answers the seconds it took.
    private async Task<double> DriveAsync(Operations operations, Random random, double seconds, CancellationToken stop)
    {
        var total = (long)(options.Rate * seconds);
        var started = new List<Task>((int)Math.Min(total, 1_000_000));
        var inFlight = 0;
        var begin = Stopwatch.GetTimestamp();
        var ticksPerOperation = Stopwatch.Frequency / options.Rate;
        for (long i = 0; i < total && !stop.IsCancellationRequested; i++)
        {
            var due = begin + (long)(i * ticksPerOperation);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1) && !await DelayAsync(wait, stop)) break;
            if (Volatile.Read(ref inFlight) >= options.MaxInFlight)
            {
                Recorder.Drop();
                continue;
            }
            if (options.Mix.Pick(random, _disabled.Keys.ToHashSet()) is not { } kind) break;
            Interlocked.Increment(ref inFlight);
            started.Add(Task.Run(async () =>
            {
                Schedule.Begin(due);
                try { await operations.RunAsync(kind, CancellationToken.None); }
                catch (Exception e) { Recorder.Record("failed-" + kind, 0, 0); Trace.TraceWarning(e.ToString()); }
                finally { Interlocked.Decrement(ref inFlight); }
            }, CancellationToken.None));
        }
        await Task.WhenAll(started).WaitAsync(options.RequestTimeout * 3).ContinueWith(_ => { }, TaskScheduler.Default);
        return Stopwatch.GetElapsedTime(begin).TotalSeconds;
    }

    private static async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (handler is null) _handler.Dispose();
    }
}
