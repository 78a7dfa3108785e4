using Grid.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Grid.Testing;

namespace Grid.WritePath.Bench;

/// <summary>
/// The states written to grain storage while <see cref="Recording"/> is on, kept by reference and
/// measured afterwards, so measuring adds nothing to the timed writes. Only for states that are
/// replaced rather than edited after a write (the audit head and its chunks).
/// </summary>
public sealed class RecordedWrites
{
    private readonly List<(string StateName, object? State)> _writes = [];

    public bool Recording { get; set; }

    public void Add(string stateName, object? state)
    {
        lock (_writes) _writes.Add((stateName, state));
    }

    public List<(string StateName, object? State)> Take()
    {
        lock (_writes)
        {
            var taken = _writes.ToList();
            _writes.Clear();
            return taken;
        }
    }
}

public sealed class RecordingGrainStorage(IGrainStorage inner, RecordedWrites writes, IReadOnlySet<string> stateNames) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (writes.Recording && stateNames.Contains(stateName)) writes.Add(stateName, grainState.State);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}

/// <summary>The real gateway (SQLite), with the audit states' writes recorded.</summary>
public sealed class BenchGateway : GatewayFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GridStorage.Name));
            var create = real.KeyedImplementationFactory!;
            services.Remove(real);
            services.AddSingleton<RecordedWrites>();
            services.AddKeyedSingleton<IGrainStorage>(GridStorage.Name, (sp, key) => new RecordingGrainStorage(
                (IGrainStorage)create(sp, key), sp.GetRequiredService<RecordedWrites>(), new HashSet<string> { "auditday", "auditchunk" }));
        });
    }
}
