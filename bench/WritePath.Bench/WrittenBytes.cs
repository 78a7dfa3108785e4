using System.Diagnostics.Metrics;
using Grid.Storage;

namespace Grid.WritePath.Bench;

/// <summary>
/// Payload bytes the storage reports writing (<see cref="GridStorage.BytesWritten"/>: grain states
/// and owner rows alike) for the named states, summed since the start: what was really stored, not
/// a model of it.
/// </summary>
public sealed class WrittenBytes : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public WrittenBytes(IReadOnlySet<string> states)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GridStorage.MeterName && instrument.Name == GridStorage.BytesWritten.Name) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, bytes, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "state" && tag.Value is string state && states.Contains(state)) Interlocked.Add(ref _total, bytes);
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
