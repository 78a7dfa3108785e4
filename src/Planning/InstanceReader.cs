using System.Text.Json;
using static Grid.Planning.JsonReading;

namespace Grid.Planning;

internal static class InstanceReader
{
    public static PlanningInstance Read(JsonElement root)
    {
        var format = String(root, "format", "$");
        if (format != PlanJson.InstanceFormat) throw Error($"$.format is '{format}', expected '{PlanJson.InstanceFormat}'");
        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var speed = Number(root, "speedKmh", "$");
        if (speed <= 0) throw Error("$.speedKmh must be positive");
        var detour = Number(root, "detourFactor", "$");
        if (detour <= 0) throw Error("$.detourFactor must be positive");

        var workers = new List<Worker>();
        var i = 0;
        foreach (var w in Array(root, "workers", "$")) workers.Add(ReadWorker(w, $"$.workers[{i++}]"));
        var visits = new List<Visit>();
        i = 0;
        foreach (var v in Array(root, "visits", "$")) visits.Add(ReadVisit(v, $"$.visits[{i++}]"));

        EnsureUnique(workers.Select(w => w.Id), "worker");
        EnsureUnique(visits.Select(v => v.Id), "visit");
        var workerIds = workers.Select(w => w.Id).ToHashSet();
        i = 0;
        foreach (var v in visits)
        {
            if (v.WorkerId is { } only && !workerIds.Contains(only)) throw Error($"$.visits[{i}].workerId '{only}' is not a worker of the instance");
            i++;
        }
        var fairness = root.TryGetProperty("fairnessWeight", out _) ? Number(root, "fairnessWeight", "$") : 0;
        if (fairness < 0) throw Error("$.fairnessWeight must not be negative");
        var county = root.TryGetProperty("county", out var c) && c.ValueKind != JsonValueKind.Null ? String(root, "county", "$") : null;
        if (county is not null && !CountyRoadFactors.IsCode(county)) throw Error("$.county must be a 6- or 12-digit county code");
        return new PlanningInstance(name, speed, detour, workers, visits, fairness, ReadOvertime(root), county);
    }

    public static Worker ReadWorker(JsonElement w, string path)
    {
        var worker = new Worker(String(w, "id", path), Latitude(w, path), Longitude(w, path), Clock(w, "start", path), Clock(w, "end", path),
            Integer(w, "maxVisits", path), Strings(w, "skills", path), Strings(w, "familiar", path), ReadBreak(w, path),
            w.TryGetProperty("mode", out _) ? TravelModes.Parse(String(w, "mode", path), path) : null,
            w.TryGetProperty("speedKmh", out _) ? Number(w, "speedKmh", path) : null);
        if (worker.SpeedKmh is <= 0) throw Error($"{path}.speedKmh must be positive");
        if (worker.Start > worker.End) throw Error($"{path}: start is after end");
        if (worker.MaxVisits < 0) throw Error($"{path}.maxVisits must not be negative");
        return worker;
    }

    /// <summary>The optional "overtime": { "costPerMinute", "maxMinutes" } (absent or null: no overtime).</summary>
    private static Overtime? ReadOvertime(JsonElement root)
    {
        if (!root.TryGetProperty("overtime", out var o) || o.ValueKind == JsonValueKind.Null) return null;
        var result = new Overtime(Number(o, "costPerMinute", "$.overtime"), Integer(o, "maxMinutes", "$.overtime"));
        if (result.CostPerMinute < 0) throw Error("$.overtime.costPerMinute must not be negative");
        if (result.MaxMinutes is < 0 or > 720) throw Error("$.overtime.maxMinutes must be 0–720");
        return result;
    }

    /// <summary>The optional "break": { "earliest", "latest", "minutes" } of a worker (absent in files before breaks).</summary>
    private static WorkerBreak? ReadBreak(JsonElement w, string path)
    {
        if (!w.TryGetProperty("break", out var b) || b.ValueKind == JsonValueKind.Null) return null;
        var at = path + ".break";
        var result = new WorkerBreak(Clock(b, "earliest", at), Clock(b, "latest", at), Integer(b, "minutes", at));
        if (result.Earliest > result.Latest) throw Error($"{at}: earliest is after latest");
        if (result.Minutes <= 0) throw Error($"{at}.minutes must be positive");
        return result;
    }

    public static Visit ReadVisit(JsonElement v, string path)
    {
        var visit = new Visit(String(v, "id", path), String(v, "residentId", path), Latitude(v, path), Longitude(v, path),
            Integer(v, "durationMin", path), Clock(v, "earliest", path), Clock(v, "latest", path), Strings(v, "skills", path),
            Integer(v, "priority", path), v.TryGetProperty("workerId", out var w) && w.ValueKind != JsonValueKind.Null ? String(v, "workerId", path) : null);
        if (visit.Earliest > visit.Latest) throw Error($"{path}: earliest is after latest");
        if (visit.DurationMin < 0) throw Error($"{path}.durationMin must not be negative");
        if (visit.Priority is < 1 or > 3) throw Error($"{path}.priority must be 1, 2 or 3");
        return visit;
    }

    public static double Latitude(JsonElement e, string path)
    {
        var lat = Number(e, "lat", path);
        return lat is >= -90 and <= 90 ? lat : throw Error($"{path}.lat must be within -90..90");
    }

    public static double Longitude(JsonElement e, string path)
    {
        var lng = Number(e, "lng", path);
        return lng is >= -180 and <= 180 ? lng : throw Error($"{path}.lng must be within -180..180");
    }

    public static void EnsureUnique(IEnumerable<string> ids, string kind)
    {
        var seen = new HashSet<string>();
        foreach (var id in ids)
        {
            if (!seen.Add(id)) throw Error($"{kind} id '{id}' appears more than once");
        }
    }
}
