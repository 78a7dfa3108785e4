using System.Text.Json;

namespace Grid.Planning;

internal static class InstanceWriter
{
    public static void Write(Utf8JsonWriter w, PlanningInstance instance)
    {
        w.WriteStartObject();
        w.WriteString("format", PlanJson.InstanceFormat);
        w.WriteString("name", instance.Name);
        w.WriteNumber("speedKmh", instance.SpeedKmh);
        w.WriteNumber("detourFactor", instance.DetourFactor);
        if (instance.County is not null) w.WriteString("county", instance.County);
        if (instance.FairnessWeight > 0) w.WriteNumber("fairnessWeight", instance.FairnessWeight);
        if (instance.Overtime is { } overtime)
        {
            w.WriteStartObject("overtime");
            w.WriteNumber("costPerMinute", overtime.CostPerMinute);
            w.WriteNumber("maxMinutes", overtime.MaxMinutes);
            w.WriteEndObject();
        }
        w.WriteStartArray("workers");
        foreach (var worker in instance.Workers)
        {
            w.WriteStartObject();
            w.WriteString("id", worker.Id);
            w.WriteNumber("lat", worker.Lat);
            w.WriteNumber("lng", worker.Lng);
            w.WriteString("start", ClockTime.Format(worker.Start));
            w.WriteString("end", ClockTime.Format(worker.End));
            w.WriteNumber("maxVisits", worker.MaxVisits);
            WriteStrings(w, "skills", worker.Skills);
            WriteStrings(w, "familiar", worker.Familiar);
            if (worker.Mode is { } mode) w.WriteString("mode", TravelModes.Name(mode));
            if (worker.SpeedKmh is { } speed) w.WriteNumber("speedKmh", speed);
            if (worker.Break is { } b)
            {
                w.WriteStartObject("break");
                w.WriteString("earliest", ClockTime.Format(b.Earliest));
                w.WriteString("latest", ClockTime.Format(b.Latest));
                w.WriteNumber("minutes", b.Minutes);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("visits");
        foreach (var visit in instance.Visits)
        {
            w.WriteStartObject();
            w.WriteString("id", visit.Id);
            w.WriteString("residentId", visit.ResidentId);
            w.WriteNumber("lat", visit.Lat);
            w.WriteNumber("lng", visit.Lng);
            w.WriteNumber("durationMin", visit.DurationMin);
            w.WriteString("earliest", ClockTime.Format(visit.Earliest));
            w.WriteString("latest", ClockTime.Format(visit.Latest));
            WriteStrings(w, "skills", visit.Skills);
            w.WriteNumber("priority", visit.Priority);
            if (visit.WorkerId is { } only) w.WriteString("workerId", only);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
