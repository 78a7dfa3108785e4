using Grid.LoadTest;

// grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix requests|day|kind=weight,...] [--json report.json]
// Exit: 0 passed; 1 failed (errors above 0.1 % of calls, or the recount differs); 2 bad options; 3 could not prepare.
try
{
    var arguments = args.ToList();
    if (arguments.Contains("--help") || arguments.Contains("-h"))
    {
        Console.WriteLine("grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix requests|day|kind=weight,...] [--password P]\n" +
            "  [--region 421202000000] [--villages 12 (0: all)] [--worker-villages 12] [--item-code CODE] [--max-in-flight 512]\n" +
            "  [--retries 2] [--no-recount] [--seed 7] [--json FILE|-]\nkinds: " + string.Join(", ", Mix.Kinds) +
            "\nItem codes, residents and workers are read from the running system (catalog, regions, residents and workers APIs);" +
            "\n--item-code sends one code instead (a wrong one must fail the run). The password defaults to GRID_DEMO_PASSWORD." +
            "\nExit 0 when errors (answers other than each operation's expected status, and dropped operations) are at most 0.1 % of" +
            "\ncalls and the recount equals what the API acknowledged; 1 otherwise. Only loopback URLs are accepted.");
        return 0;
    }
    if (!arguments.Contains("--password") && Environment.GetEnvironmentVariable("GRID_DEMO_PASSWORD") is { Length: > 0 } password)
        arguments.AddRange(["--password", password]);
    var options = LoadOptions.Parse(arguments);
    using var run = new LoadRun(options);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    Console.Error.WriteLine($"grid-load: preparing (villages of {options.County}) …");
    try
    {
        await run.PrepareAsync(stop.Token);
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
    {
        Console.Error.WriteLine($"grid-load: could not prepare: {e.Message}");
        return 3;
    }
    Console.Error.WriteLine($"grid-load: {run.World.People.Count} villages, {run.World.People.Sum(p => p.Residents.Count)} residents, " +
        $"{run.World.Workers.Count} worker accounts, {run.World.Items.Count} items; {options.Rate}/s for {options.Seconds} s against {options.Url}");
    var report = await run.RunAsync(stop.Token);
    Console.WriteLine(report.ToText());
    if (options.JsonPath == "-") Console.WriteLine(report.ToJson());
    else if (options.JsonPath is { } path) await File.WriteAllTextAsync(path, report.ToJson());
    return report.Passed ? 0 : 1;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"grid-load: {e.Message}");
    return 2;
}
