using Microsoft.JSInterop;

namespace Grid.Portal.Services;

/// <summary>
/// The portal's words in Simplified Chinese (default) and English; the choice is kept in
/// localStorage. A missing key shows itself, so a gap is visible rather than blank.
/// </summary>
public sealed class Strings(IJSRuntime js)
{
    private const string Key = "grid.lang";

    public bool English { get; private set; }
    public string Lang => English ? "en" : "zh-CN";
    public event Action? Changed;

    public string this[string key] => Texts.All.TryGetValue(key, out var t) ? (English ? t.En : t.Zh) : key;

    /// <summary>A table text with {0}-style holes filled in.</summary>
    public string F(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public async Task LoadAsync() => English = await js.InvokeAsync<string?>("localStorage.getItem", Key) == "en";

    public async Task SetAsync(bool english)
    {
        English = english;
        await js.InvokeVoidAsync("localStorage.setItem", Key, english ? "en" : "zh");
        await js.InvokeVoidAsync("grid.setLang", Lang);
        Changed?.Invoke();
    }

    /// <summary>Asia/Shanghai wall time, as every date in the portal is shown.</summary>
    /// <summary>A live notice in the reader's language: by its kind when the portal knows it, else the server's text.</summary>
    public string Notice(string kind, string? taskId, string message) =>
        Texts.All.ContainsKey("notice." + kind) ? F("notice." + kind, taskId) : message;

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    public static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    public string Distance(double? meters) => meters is not { } m ? "" : m < 1000 ? F("meters", Math.Round(m / 10) * 10) : F("km", (m / 1000).ToString("0.0"));

    /// <summary>What went wrong, for a person: the problem details, or that the server is unreachable.</summary>
    public string Describe(Exception e) => e switch
    {
        ApiException { Status: 401 } => this["err.401"],
        ApiException { Status: 403 } a => this["err.403"] + " " + a.Message,
        ApiException a => a.Message,
        HttpRequestException => this["err.offline"],
        _ => e.Message,
    };
}
