using System.Text;
using System.Text.Json;
using static Grid.Planning.JsonReading;

namespace Grid.Planning.Replanning;

/// <summary>A re-plan request: the day, its current plan, the clock time now and the urgent visit (docs/planning-format.md).</summary>
public sealed record ReplanRequest(PlanningInstance Instance, Plan Plan, int Now, Visit Urgent);

/// <summary>Reads re-plan requests and writes results ("grid-replan/1").</summary>
public static class ReplanJson
{
    public const string ResultFormat = "grid-replan/1";

    public static ReplanRequest ReadRequest(Stream json)
    {
        using var document = PlanJson.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Error("$ must be an object with instance, plan, now and urgent");
        var instance = InstanceReader.Read(Required(root, "instance", "$"));
        var plan = PlanJson.ReadPlan(Required(root, "plan", "$"));
        var now = Clock(root, "now", "$");
        var urgent = InstanceReader.ReadVisit(Required(root, "urgent", "$"), "$.urgent");
        if (urgent.WorkerId is { } only && instance.Workers.All(w => w.Id != only)) throw Error($"$.urgent.workerId '{only}' is not a worker of the instance");
        return new ReplanRequest(instance, plan, now, urgent);
    }

    public static string Write(ReplanResult result)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", ResultFormat);
            if (result.WorkerId is null) w.WriteNull("workerId");
            else w.WriteString("workerId", result.WorkerId);
            w.WriteNumber("pinnedVisits", result.PinnedVisits);
            var d = result.Disruption;
            w.WriteStartObject("disruption");
            w.WriteNumber("visitsMoved", d.VisitsMoved);
            w.WriteNumber("visitsReassigned", d.VisitsReassigned);
            w.WriteNumber("minutesShifted", d.MinutesShifted);
            w.WriteStartArray("moves");
            foreach (var m in d.Moves)
            {
                w.WriteStartObject();
                w.WriteString("visitId", m.VisitId);
                w.WriteString("fromWorker", m.FromWorker);
                if (m.ToWorker.Length == 0) w.WriteNull("toWorker");
                else w.WriteString("toWorker", m.ToWorker);
                w.WriteString("startBefore", ClockTime.Format(m.StartBefore));
                if (double.IsNaN(m.StartAfter)) w.WriteNull("startAfter");
                else w.WriteString("startAfter", ClockTime.Format(m.StartAfter));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("before");
            PlanWriter.Write(w, result.Before, PlanTimeFormat.Clock);
            w.WritePropertyName("after");
            PlanWriter.Write(w, result.After, PlanTimeFormat.Clock);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
