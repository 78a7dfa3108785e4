using System.Diagnostics;
using Grid.Testing;

namespace Grid.Cluster.Tests;

/// <summary>A silo as a real OS process (src/Silo's build output), so a test can SIGKILL it.</summary>
public sealed class SiloProcess(IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private Process? _process;

    public bool Running => _process is { HasExited: false };

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [SiloDll()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings) info.Environment[key] = value;
        info.Environment["Grid__Orleans__SiloPort"] = FreePorts.Next().ToString();
        info.Environment["Grid__Orleans__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: the silo gets no chance to leave the cluster or hand anything over.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private static string SiloDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(Repository.Root, "src", "Silo", "bin", configuration, "net10.0", "Grid.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Silo first: " + dll);
    }
}
