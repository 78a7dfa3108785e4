using System.Text;
using System.Text.Json;
using static Grid.Planning.JsonReading;

namespace Grid.Planning;

public enum PlanTimeFormat
{
    /// <summary>"HH:mm" clock times (grid instances).</summary>
    Clock,
    /// <summary>Plain numbers in the instance's units (Solomon instances).</summary>
    Numbers,
}

/// <summary>Reads and writes the "grid-visits/1" instance and "grid-plan/1" plan formats.</summary>
public static class PlanJson
{
    public const string InstanceFormat = "grid-visits/1";
    public const string PlanFormat = "grid-plan/1";

    public static PlanningInstance ReadInstance(Stream json) => ReadInstance(Parse(json));

    public static PlanningInstance ReadInstance(string json) => ReadInstance(Parse(json));

    public static Plan ReadPlan(Stream json) => ReadPlan(Parse(json));

    public static Plan ReadPlan(string json) => ReadPlan(Parse(json));

    public static string Write(Plan plan, PlanTimeFormat times = PlanTimeFormat.Clock) => Render(w => PlanWriter.Write(w, plan, times));

    public static string WriteInstance(PlanningInstance instance) => Render(w => InstanceWriter.Write(w, instance));

    private static PlanningInstance ReadInstance(JsonDocument document)
    {
        using (document) return InstanceReader.Read(document.RootElement);
    }

    private static Plan ReadPlan(JsonDocument document)
    {
        using (document) return ReadPlan(document.RootElement);
    }

    internal static Plan ReadPlan(JsonElement root)
    {
        {
            var format = String(root, "format", "$");
            if (format != PlanFormat) throw Error($"$.format is '{format}', expected '{PlanFormat}'");
            var routes = new List<PlanRoute>();
            var r = 0;
            foreach (var route in Array(root, "routes", "$"))
            {
                var path = $"$.routes[{r++}]";
                var stops = new List<PlanStop>();
                var s = 0;
                foreach (var stop in Array(route, "stops", path))
                {
                    var sp = $"{path}.stops[{s++}]";
                    stops.Add(new PlanStop(String(stop, "visitId", sp), Time(stop, "arrive", sp), Time(stop, "start", sp), Time(stop, "end", sp)));
                }
                PlanBreak? pause = null;
                if (route.TryGetProperty("break", out var b) && b.ValueKind != JsonValueKind.Null) pause = new PlanBreak(Time(b, "start", path + ".break"), Time(b, "end", path + ".break"));
                routes.Add(new PlanRoute(String(route, "workerId", path), stops, pause));
            }
            var m = Required(root, "metrics", "$");
            var metrics = new PlanMetrics(Number(m, "travelKm", "$.metrics"), Integer(m, "assigned", "$.metrics"),
                Integer(m, "familiarVisits", "$.metrics"), Number(m, "cost", "$.metrics"),
                Integer(m, "maxVisits", "$.metrics"), Number(m, "meanVisits", "$.metrics"), ReadWorkload(m),
                m.TryGetProperty("travelMinutes", out _) ? Number(m, "travelMinutes", "$.metrics") : null);
            return new Plan(routes, Strings(root, "unassigned", "$"), metrics);
        }
    }

    private static JsonDocument Parse(string json)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw Error($"not valid JSON: {e.Message}"); }
    }

    /// <summary>The optional metrics.workload (absent in plans written before it).</summary>
    private static PlanWorkload? ReadWorkload(JsonElement metrics)
    {
        if (!metrics.TryGetProperty("workload", out var w) || w.ValueKind == JsonValueKind.Null) return null;
        const string at = "$.metrics.workload";
        return new PlanWorkload(Number(w, "minMinutes", at), Number(w, "maxMinutes", at), Number(w, "spreadMinutes", at),
            Number(w, "stdDevMinutes", at), Number(w, "fairnessCost", at));
    }

    internal static JsonDocument Parse(Stream json)
    {
        try { return JsonDocument.Parse(json); }
        catch (JsonException e) { throw Error($"not valid JSON: {e.Message}"); }
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
