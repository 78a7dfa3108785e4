namespace Grid.LoadTest;

/// <summary>
/// grid-load's command line. Exit codes: 0 passed; 1 failed (errors above 0.1 % of calls, or the
/// recount differs from what the API acknowledged); 2 bad options; 3 could not prepare.
/// </summary>
public static class Cli
{
    public const int Passed = 0, Failed = 1, BadOptions = 2, NotPrepared = 3;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter log,
        HttpMessageHandler? handler = null, CancellationToken stop = default)
    {
        var arguments = args.ToList();
        if (arguments.Contains("--help") || arguments.Contains("-h"))
        {
            await output.WriteLineAsync(Help);
            return Passed;
        }
        LoadOptions options;
        try
        {
            if (!arguments.Contains("--password") && Environment.GetEnvironmentVariable("GRID_DEMO_PASSWORD") is { Length: > 0 } password)
                arguments.AddRange(["--password", password]);
            options = LoadOptions.Parse(arguments);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            await log.WriteLineAsync($"grid-load: {e.Message}");
            return BadOptions;
        }
        using var run = new LoadRun(options, handler);
        await log.WriteLineAsync($"grid-load: preparing (villages of {options.County}) …");
        try
        {
            await run.PrepareAsync(stop);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
        {
            await log.WriteLineAsync($"grid-load: could not prepare: {e.Message}");
            return NotPrepared;
        }
        var world = run.World;
        await log.WriteLineAsync($"grid-load: {world.People.Count} villages, {world.People.Sum(p => p.Residents.Count)} residents, " +
            $"{world.Workers.Count} worker accounts, {world.Items.Count} items, {world.Reads.Count} public pages; " +
            $"{options.Rate}/s for {options.Seconds} s against {options.Url}" + (options.Warmup > 0 ? $" after a {options.Warmup} s warm-up" : ""));
        var report = await run.RunAsync(stop);
        if (run.WarmupReport is { } warm)
        {
            await output.WriteLineAsync("warm-up (same mix and rate; shown, not counted in the figures or the error budget below):");
            await output.WriteLineAsync(warm.ToText(recountAndVerdict: false));
        }
        await output.WriteLineAsync(report.ToText());
        if (options.JsonPath == "-") await output.WriteLineAsync(report.ToJson());
        else if (options.JsonPath is { } path) await File.WriteAllTextAsync(path, report.ToJson(), CancellationToken.None);
        return report.Passed ? Passed : Failed;
    }

    public const string Help =
        "grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix requests|hotline|day|kind=weight,...] [--password P]\n" +
        "  [--region 421202000000] [--villages 12 (0: all)] [--worker-villages 12] [--item-code CODE] [--max-in-flight 512]\n" +
        "  [--retries 2] [--no-recount] [--seed 7] [--warmup SECONDS] [--json FILE|-]\n" +
        "kinds: reads, sign-in, requests, worker, evaluations, accounts, deadlines, hotline\n" +
        "Item codes, residents and workers are read from the running system (catalog, regions, residents and workers APIs);\n" +
        "--item-code sends one code instead (a wrong one must fail the run). The password defaults to GRID_DEMO_PASSWORD.\n" +
        "Latency is timed from each operation's scheduled start (open loop). Exit 0 when errors (answers other than each\n" +
        "operation's expected status, and operations dropped at the in-flight limit) are at most 0.1 % of calls and the\n" +
        "recount equals what the API acknowledged; 1 otherwise; 2 bad options; 3 could not prepare. Loopback URLs only.";
}
