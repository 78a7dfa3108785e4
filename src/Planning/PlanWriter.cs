using System.Text.Json;

namespace Grid.Planning;

internal static class PlanWriter
{
    public static void Write(Utf8JsonWriter w, Plan plan, PlanTimeFormat times)
    {
        w.WriteStartObject();
        w.WriteString("format", PlanJson.PlanFormat);
        w.WriteStartArray("routes");
        foreach (var route in plan.Routes)
        {
            w.WriteStartObject();
            w.WriteString("workerId", route.WorkerId);
            w.WriteStartArray("stops");
            foreach (var stop in route.Stops)
            {
                w.WriteStartObject();
                w.WriteString("visitId", stop.VisitId);
                WriteTime(w, "arrive", stop.Arrive, times);
                WriteTime(w, "start", stop.Start, times);
                WriteTime(w, "end", stop.End, times);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (route.Break is { } b)
            {
                w.WriteStartObject("break");
                WriteTime(w, "start", b.Start, times);
                WriteTime(w, "end", b.End, times);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        InstanceWriter.WriteStrings(w, "unassigned", plan.Unassigned);
        var m = plan.Metrics;
        w.WriteStartObject("metrics");
        w.WriteNumber("travelKm", m.TravelKm);
        w.WriteNumber("assigned", m.Assigned);
        w.WriteNumber("familiarVisits", m.FamiliarVisits);
        w.WriteNumber("cost", m.Cost);
        w.WriteNumber("maxVisits", m.MaxVisits);
        w.WriteNumber("meanVisits", m.MeanVisits);
        if (m.TravelMinutes is { } minutes) w.WriteNumber("travelMinutes", minutes);
        if (m.Workload is { } load)
        {
            w.WriteStartObject("workload");
            w.WriteNumber("minMinutes", load.MinMinutes);
            w.WriteNumber("maxMinutes", load.MaxMinutes);
            w.WriteNumber("spreadMinutes", load.SpreadMinutes);
            w.WriteNumber("stdDevMinutes", load.StdDevMinutes);
            w.WriteNumber("fairnessCost", load.FairnessCost);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, double value, PlanTimeFormat times)
    {
        if (times == PlanTimeFormat.Clock) w.WriteString(name, ClockTime.Format(value));
        else w.WriteNumber(name, value);
    }
}
