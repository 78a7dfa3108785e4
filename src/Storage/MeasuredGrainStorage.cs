using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grid.Storage;

/// <summary>
/// Times each grain state read, write and clear of the storage it wraps into <see cref="GridStorage.Duration"/>
/// and counts failures into <see cref="GridStorage.Errors"/>. Orleans' own "Microsoft.Orleans.Storage"
/// activity already gives each operation a span; this adds the figures an operator alerts on.
/// </summary>
public sealed class MeasuredGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        MeasureAsync("read", stateName, () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        MeasureAsync("write", stateName, () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        MeasureAsync("clear", stateName, () => inner.ClearStateAsync(stateName, grainId, grainState));

    // The ADO.NET storage initialises itself in the silo lifecycle; Orleans registers it as a participant through this wrapper.
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static async Task MeasureAsync(string operation, string state, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        catch (Exception e)
        {
            GridStorage.Errors.Add(1, new("operation", operation), new("error.type", e.GetType().Name));
            throw;
        }
        finally
        {
            GridStorage.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("operation", operation), new("state", state));
        }
    }
}

public static class MeasuredGrainStorageExtensions
{
    /// <summary>Wraps the named grain storage already registered (call after UseGridSqliteStorage / UseGridPostgres).</summary>
    public static IServiceCollection MeasureGrainStorage(this IServiceCollection services, string name = GridStorage.Name)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        if (registered?.KeyedImplementationFactory is not { } create) return services;
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new MeasuredGrainStorage((IGrainStorage)create(sp, key)));
        return services;
    }
}
