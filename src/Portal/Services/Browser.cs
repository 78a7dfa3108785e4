using Microsoft.JSInterop;

namespace Grid.Portal.Services;

public sealed record Position(bool Ok, double Lat, double Lng, string? Error);

/// <summary>The browser's position and connectivity, through wwwroot/js/grid.js.</summary>
public sealed class Browser(IJSRuntime js) : IAsyncDisposable
{
    private DotNetObjectReference<Browser>? _self;

    public bool Online { get; private set; } = true;
    public event Func<bool, Task>? ConnectivityChanged;

    public async Task StartAsync()
    {
        Online = await js.InvokeAsync<bool>("grid.online");
        _self = DotNetObjectReference.Create(this);
        await js.InvokeVoidAsync("grid.watchOnline", _self);
    }

    public ValueTask<Position> PositionAsync() => js.InvokeAsync<Position>("grid.position");

    [JSInvokable]
    public async Task OnConnectivity(bool online)
    {
        Online = online;
        if (ConnectivityChanged is { } handler) await handler(online);
    }

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
