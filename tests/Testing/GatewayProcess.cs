using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grid.Contracts;

namespace Grid.Testing;

/// <summary>
/// The gateway as a real OS process (the build output of src/Gateway), for tests that kill it with
/// SIGKILL and start it again over the same data directory.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly string _dataPath;
    private readonly IReadOnlyDictionary<string, string> _extra;
    private Process? _process;

    public GatewayProcess(string dataPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        _dataPath = dataPath;
        _extra = settings ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    public static string GatewayDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var dll = Path.Combine(d.FullName, "src", "Gateway", "bin", configuration, "net10.0", "Grid.Gateway.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException("Build src/Gateway first: its Grid.Gateway.dll was not found.");
    }

    public async Task StartAsync(TimeSpan? readyWithin = null)
    {
        var info = new ProcessStartInfo("dotnet", [GatewayDll(), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dataPath,
        };
        info.Environment["Grid__DataDirectory"] = _dataPath;
        info.Environment["Grid__Demo__Password"] = GatewayFactory.DemoPassword;
        info.Environment["Grid__Orleans__SiloPort"] = FreePorts.Next().ToString();
        info.Environment["Grid__Orleans__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in _extra) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(readyWithin ?? TimeSpan.FromMinutes(6));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a power cut or OOM kill looks like to the process.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process = null;
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password = GatewayFactory.DemoPassword)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(userName, password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private async Task WaitReadyAsync(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode} while starting.");
            try
            {
                if ((await Http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The gateway was not ready within {within}.");
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
