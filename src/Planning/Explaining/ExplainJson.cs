using System.Text;
using System.Text.Json;
using static Grid.Planning.JsonReading;

namespace Grid.Planning.Explaining;

/// <summary>Reads { instance, plan } and writes explanations ("grid-explain/1").</summary>
public static class ExplainJson
{
    public const string Format = "grid-explain/1";

    public static (PlanningInstance Instance, Plan Plan) ReadRequest(Stream json)
    {
        using var document = PlanJson.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Error("$ must be an object with instance and plan");
        return (InstanceReader.Read(Required(root, "instance", "$")), PlanJson.ReadPlan(Required(root, "plan", "$")));
    }

    public static string Write(IReadOnlyList<VisitExplanation> explanations)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartArray("visits");
            foreach (var e in explanations)
            {
                w.WriteStartObject();
                w.WriteString("visitId", e.VisitId);
                w.WriteString("workerId", e.WorkerId);
                w.WriteString("start", ClockTime.Format(e.Start));
                w.WriteNumber("costHere", e.CostHere);
                w.WriteStartArray("alternatives");
                foreach (var a in e.Alternatives)
                {
                    w.WriteStartObject();
                    w.WriteString("workerId", a.WorkerId);
                    if (a.After is null) w.WriteNull("after");
                    else w.WriteString("after", a.After);
                    w.WriteNumber("extraCost", a.ExtraCost);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
