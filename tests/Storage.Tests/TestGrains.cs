using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Grid.Storage.Tests;

public enum Shade { Plain, Striped }

[GenerateSerializer, Alias("grid.storage-tests.note")]
public sealed class Note
{
    [Id(0)] public string Text { get; set; } = "";
    [Id(1)] public int Count { get; set; }
    [Id(2)] public Shade Shade { get; set; }
}

[Alias("grid.storage-tests.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    [Alias("Write")] Task Write(string text, int count, Shade shade);
    [Alias("Read")] Task<Note> Read();
    [Alias("Clear")] Task Clear();
    [Alias("Deactivate")] Task Deactivate();
}

public sealed class NoteGrain([PersistentState("note", GridStorage.Name)] IPersistentState<Note> note) : Grain, INoteGrain
{
    public async Task Write(string text, int count, Shade shade)
    {
        note.State = new Note { Text = text, Count = count, Shade = shade };
        await note.WriteStateAsync();
    }

    public Task<Note> Read() => Task.FromResult(note.State);

    public Task Clear() => note.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

[Alias("grid.storage-tests.IAlarmGrain")]
public interface IAlarmGrain : IGrainWithStringKey
{
    [Alias("Schedule")] Task Schedule(TimeSpan due, TimeSpan period);
}

public sealed class AlarmGrain(ILocalSiloDetails silo) : Grain, IAlarmGrain, IRemindable
{
    public async Task Schedule(TimeSpan due, TimeSpan period) =>
        await this.RegisterOrUpdateReminder("alarm", due, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        AlarmLog.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        return Task.CompletedTask;
    }
}

/// <summary>Where each alarm fired; in-process clusters share this static.</summary>
public static class AlarmLog
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<SiloAddress>> Fired = new();

    public static Task<SiloAddress> FiredOn(string key) => Get(key).Task;

    public static void Record(string key, SiloAddress silo) => Get(key).TrySetResult(silo);

    private static TaskCompletionSource<SiloAddress> Get(string key) =>
        Fired.GetOrAdd(key, _ => new TaskCompletionSource<SiloAddress>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>
/// The first tick comes after the new silo is up; should a slow start miss it, the next tick
/// comes one short period later instead of after Orleans' default one-minute minimum.
/// </summary>
public static class ReminderTiming
{
    public static readonly TimeSpan Due = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
}
