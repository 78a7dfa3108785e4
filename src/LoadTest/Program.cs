using Grid.LoadTest;

// grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix reads=40,requests=20,...] [--json report.json]
try
{
    var arguments = args.ToList();
    if (arguments.Contains("--help") || arguments.Contains("-h"))
    {
        Console.WriteLine("grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix kind=weight,...] [--password P] " +
            "[--county 421202000000] [--villages 12] [--max-in-flight 512] [--seed 7] [--json FILE|-]\nkinds: " + string.Join(", ", Mix.Kinds) +
            "\nThe password defaults to GRID_DEMO_PASSWORD. Only loopback URLs are accepted.");
        return 0;
    }
    if (!arguments.Contains("--password") && Environment.GetEnvironmentVariable("GRID_DEMO_PASSWORD") is { Length: > 0 } password)
        arguments.AddRange(["--password", password]);
    var options = LoadOptions.Parse(arguments);
    using var run = new LoadRun(options);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    Console.Error.WriteLine($"grid-load: preparing ({options.Villages} villages of {options.County}) …");
    await run.PrepareAsync(stop.Token);
    Console.Error.WriteLine($"grid-load: {options.Rate}/s for {options.Seconds} s against {options.Url}");
    var report = await run.RunAsync(stop.Token);
    Console.WriteLine(report.ToText());
    if (options.JsonPath == "-") Console.WriteLine(report.ToJson());
    else if (options.JsonPath is { } path) await File.WriteAllTextAsync(path, report.ToJson());
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"grid-load: {e.Message}");
    return 2;
}
