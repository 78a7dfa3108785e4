using System.Text;
using System.Text.Json;
using static Grid.Planning.JsonReading;

namespace Grid.Planning.Weekly;

/// <summary>Reads a week of care ("grid-week/1") and writes its plan ("grid-week-plan/1"); docs/planning-format.md.</summary>
public static class WeekJson
{
    public const string Format = "grid-week/1";
    public const string PlanFormat = "grid-week-plan/1";

    public static WeekInstance Read(Stream json)
    {
        using var document = PlanJson.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Error("$ must be an object");
        var format = String(root, "format", "$");
        if (format != Format) throw Error($"$.format is '{format}', expected '{Format}'");
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var week = Integer(root, "week", "$");
        if (week is < 1 or > 53) throw Error("$.week must be 1–53");
        var speed = Number(root, "speedKmh", "$");
        if (speed <= 0) throw Error("$.speedKmh must be positive");
        var detour = Number(root, "detourFactor", "$");
        if (detour <= 0) throw Error("$.detourFactor must be positive");
        var i = 0;
        var workers = new List<WeekWorker>();
        foreach (var w in Array(root, "workers", "$"))
        {
            var path = $"$.workers[{i++}]";
            workers.Add(new WeekWorker(InstanceReader.ReadWorker(w, path), Days(w, "days", path)));
        }
        i = 0;
        var needs = new List<CareNeed>();
        foreach (var c in Array(root, "needs", "$")) needs.Add(ReadNeed(c, $"$.needs[{i++}]"));
        InstanceReader.EnsureUnique(workers.Select(w => w.Worker.Id), "worker");
        InstanceReader.EnsureUnique(needs.Select(c => c.ResidentId), "resident");
        return new WeekInstance(name, week, speed, detour, workers, needs);
    }

    private static CareNeed ReadNeed(JsonElement c, string path)
    {
        var level = String(c, "level", path) switch
        {
            "weekly" => CareLevel.Weekly,
            "fortnightly" => CareLevel.Fortnightly,
            "monthly" => CareLevel.Monthly,
            var other => throw Error($"{path}.level '{other}' is not weekly, fortnightly or monthly"),
        };
        var phase = c.TryGetProperty("phase", out _) ? Integer(c, "phase", path) : 0;
        if (phase is < 0 or > 3) throw Error($"{path}.phase must be 0–3");
        var familiar = c.TryGetProperty("familiarWorker", out var f) && f.ValueKind != JsonValueKind.Null ? String(c, "familiarWorker", path) : null;
        var need = new CareNeed(String(c, "residentId", path), InstanceReader.Latitude(c, path), InstanceReader.Longitude(c, path), level, phase,
            Integer(c, "durationMin", path), Clock(c, "earliest", path), Clock(c, "latest", path), Days(c, "allowedDays", path), familiar, Strings(c, "skills", path));
        if (need.Earliest > need.Latest) throw Error($"{path}: earliest is after latest");
        if (need.DurationMin < 0) throw Error($"{path}.durationMin must not be negative");
        return need;
    }

    private static IReadOnlyList<int> Days(JsonElement e, string name, string path)
    {
        var days = new List<int>();
        foreach (var d in Array(e, name, path))
        {
            days.Add(d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var day) && day is >= 1 and <= 7
                ? day : throw Error($"{path}.{name} must hold days 1 (Monday) to 7 (Sunday)"));
        }
        return days;
    }

    public static string Write(WeekInstance week, WeekPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", PlanFormat);
            w.WriteNumber("week", week.WeekNumber);
            w.WriteNumber("visits", plan.Visits);
            w.WriteNumber("familiarVisits", plan.FamiliarVisits);
            WriteStrings(w, "notDue", plan.NotDue);
            WriteStrings(w, "unplaced", plan.Unplaced);
            w.WriteStartArray("days");
            foreach (var day in plan.Days)
            {
                w.WriteStartObject();
                w.WriteNumber("day", day.Day);
                w.WritePropertyName("plan");
                PlanWriter.Write(w, day.Plan, PlanTimeFormat.Clock);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
