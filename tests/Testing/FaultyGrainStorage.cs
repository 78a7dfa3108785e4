using Grid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Testing;

/// <summary>
/// Storage faults a test arms: the next <c>times</c> writes that match fail with a
/// <see cref="InjectedSqliteFault"/>, either before they reach the database (nothing stored) or
/// after (stored, but the caller is told it failed, like a lost answer).
/// </summary>
public sealed class StorageFaults
{
    private readonly List<Rule> _rules = [];

    public sealed class Rule(Func<string, GrainId, bool> match, int times, bool afterWrite)
    {
        private int _failed;
        public bool AfterWrite { get; } = afterWrite;
        /// <summary>How many writes this rule has failed so far.</summary>
        public int Failed => Math.Min(times, Volatile.Read(ref _failed));
        internal bool Take(string stateName, GrainId id) => match(stateName, id) && Interlocked.Increment(ref _failed) <= times;
    }

    /// <summary>Fails the next <paramref name="times"/> writes of state <paramref name="stateName"/> whose grain key satisfies <paramref name="key"/>.</summary>
    public Rule FailWrites(string stateName, Func<string, bool> key, int times = 1, bool afterWrite = false)
    {
        var rule = new Rule((s, id) => s == stateName && key(id.Key.ToString()), times, afterWrite);
        lock (_rules) _rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }

    internal Rule? Match(string stateName, GrainId id)
    {
        lock (_rules) return _rules.FirstOrDefault(r => r.Take(stateName, id));
    }
}

/// <summary>A database error, as SQLite's driver would raise (a DbException, named so the gateway sees a storage outage).</summary>
public sealed class InjectedSqliteFault(string message) : System.Data.Common.DbException(message);

/// <summary>Wraps the real grain storage (SQLite here) and fails the writes <see cref="StorageFaults"/> picks.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var rule = faults.Match(stateName, grainId);
        if (rule is { AfterWrite: false }) throw new InjectedSqliteFault($"Injected failure writing {stateName} of {grainId}");
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (rule is not null) throw new InjectedSqliteFault($"Injected failure after writing {stateName} of {grainId}");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}

/// <summary>
/// Wraps the real row store and fails the changes <see cref="StorageFaults"/> picks, matched like
/// state writes: the state name is the row kind, the grain key is the owner.
/// </summary>
public sealed class FaultyGrainRowStore(IGrainRowStore inner, StorageFaults faults) : IGrainRowStore
{
    public Task<IReadOnlyList<StoredRow>> ReadAllAsync(string kind, string owner) => inner.ReadAllAsync(kind, owner);

    public async Task ApplyAsync(string kind, string owner, IReadOnlyList<RowChange> changes)
    {
        var rule = faults.Match(kind, GrainId.Create(kind, owner));
        if (rule is { AfterWrite: false }) throw new InjectedSqliteFault($"Injected failure writing {kind} rows of {owner}");
        await inner.ApplyAsync(kind, owner, changes);
        if (rule is not null) throw new InjectedSqliteFault($"Injected failure after writing {kind} rows of {owner}");
    }
}

public static class FaultyGrainStorageExtensions
{
    /// <summary>
    /// Replaces grain storage <see cref="GridStorage.Name"/> with <see cref="FaultyGrainStorage"/> around
    /// the registration already made (the real provider), the row store likewise, and registers the <see cref="StorageFaults"/> switchboard.
    /// Call after the silo's storage is configured (e.g. in ConfigureTestServices).
    /// </summary>
    public static IServiceCollection AddFaultyGrainStorage(this IServiceCollection services)
    {
        var real = services.LastOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, GridStorage.Name))
            ?? throw new InvalidOperationException($"No grain storage named {GridStorage.Name} is registered yet.");
        var factory = real.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"Grain storage {GridStorage.Name} is not registered through a factory.");
        services.Remove(real);
        services.AddSingleton<StorageFaults>();
        services.AddKeyedSingleton<IGrainStorage>(GridStorage.Name, (sp, key) =>
            new FaultyGrainStorage((IGrainStorage)factory(sp, key), sp.GetRequiredService<StorageFaults>()));
        var rows = services.LastOrDefault(d => d.ServiceType == typeof(IGrainRowStore))?.ImplementationFactory
            ?? throw new InvalidOperationException("No grain row store is registered yet.");
        services.AddSingleton<IGrainRowStore>(sp => new FaultyGrainRowStore((IGrainRowStore)rows(sp), sp.GetRequiredService<StorageFaults>()));
        return services;
    }
}
