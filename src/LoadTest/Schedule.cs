using System.Diagnostics;

namespace Grid.LoadTest;

/// <summary>
/// When the open loop meant an operation to start. The first HTTP call of the operation is timed
/// from that moment, not from when it was sent, so a backed-up system or load generator shows up as
/// latency instead of being hidden (no coordinated omission). Later calls of the same operation
/// depend on the first's answer and are timed from their own send.
/// </summary>
public static class Schedule
{
    private sealed class Mark(long ticks)
    {
        public long? Ticks = ticks;
    }

    private static readonly AsyncLocal<Mark?> Current = new();

    /// <summary>Marks the calls made from here on (in this async flow) as scheduled at <paramref name="stopwatchTicks"/>.</summary>
    public static void Begin(long stopwatchTicks) => Current.Value = new Mark(stopwatchTicks);

    /// <summary>The start to time a call from: the scheduled time once, then the call's own start.</summary>
    public static long TakeStart()
    {
        var now = Stopwatch.GetTimestamp();
        if (Current.Value is not { Ticks: { } scheduled } mark) return now;
        mark.Ticks = null;
        return Math.Min(scheduled, now);
    }
}
