using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace Grid.Gateway.Hosting;

/// <summary>Adds TraceId and SpanId of the current activity, so a log line leads to its trace (and the console shows it).</summary>
public sealed class ActivityTraceEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        if (Activity.Current is not { } activity) return;
        logEvent.AddPropertyIfAbsent(factory.CreateProperty("TraceId", activity.TraceId.ToHexString()));
        logEvent.AddPropertyIfAbsent(factory.CreateProperty("SpanId", activity.SpanId.ToHexString()));
    }
}
