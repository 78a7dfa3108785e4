using System.Diagnostics;
using Grid.Testing;

namespace Grid.Cluster.Tests;

/// <summary>
/// A PostgreSQL server of this test run alone (ops/pg-start with its own data directory and port),
/// so the tests can stop and start it without touching anyone else's database.
/// </summary>
public sealed class OwnPostgres(string dataPath, string database)
{
    private readonly int _port = FreePorts.Next();

    public string ConnectionString { get; private set; } = "";

    public Task StartAsync() => RunAsync("pg-start", output => ConnectionString = output.Trim().Split('\n')[^1]);

    public Task StopAsync() => RunAsync("pg-stop", _ => { });

    private async Task RunAsync(string script, Action<string> done)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "ops", script)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["GRID_PG_DATA"] = dataPath;
        info.Environment["PGPORT"] = _port.ToString();
        info.Environment["GRID_PG_DATABASE"] = database;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/{script} failed ({process.ExitCode}): {await errors}");
        done(await output);
    }
}

public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ops", "pg-start"))) return d.FullName;
        }
        throw new InvalidOperationException("ops/pg-start not found above " + AppContext.BaseDirectory);
    }
}
