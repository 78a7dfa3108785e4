using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Grid.Gateway.Hosting.OpenApi;

/// <summary>Puts each contract type's example on its schema, written with the gateway's own JSON options.</summary>
public sealed class ContractExampleTransformer(IOptions<JsonOptions> json) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Also on a property's schema, as a type first met as a property (Policy in a version) becomes the component
        // from it; but a list or page only at the top, where it is an answer, not inline in every property.
        var type = context.JsonTypeInfo.Type;
        var example = context.JsonPropertyInfo is null || ContractExamples.All.ContainsKey(type) ? ContractExamples.For(type) : null;
        if (example is not null) schema.Examples = [JsonSerializer.SerializeToNode(example, type, json.Value.SerializerOptions)!];
        return Task.CompletedTask;
    }
}

/// <summary>
/// The planner's bodies are its own formats (docs/planning-format.md), not contract types: a small generated day,
/// for re-planning and explaining that day with a plan of it (the greedy planner's, so the example is the same every time), and a one-worker week.
/// </summary>
public sealed class PlanningExampleTransformer : IOpenApiOperationTransformer
{
    public const string OperationName = "SolvePlanning";

    public static string Example() => Planning.PlanJson.WriteInstance(Day);

    private static Planning.PlanningInstance Day => Planning.InstanceGenerator.Generate(3, 1, seed: 1);

    private static string DayWithPlan(string extra = "") =>
        $$"""{ "instance": {{Example()}}, "plan": {{Planning.PlanJson.Write(Planning.GreedyPlanner.Solve(Day))}}{{extra}} }""";

    private const string Week = """
        { "format": "grid-week/1", "name": "example", "week": 2, "speedKmh": 20, "detourFactor": 1.3,
          "workers": [ { "id": "w1", "lat": 29.84, "lng": 114.32, "start": "08:00", "end": "17:00", "maxVisits": 8, "days": [1, 3, 5] } ],
          "needs": [ { "residentId": "r1", "lat": 29.85, "lng": 114.32, "level": "fortnightly", "phase": 0, "durationMin": 30,
                       "earliest": "09:00", "latest": "16:00", "allowedDays": [1, 3], "familiarWorker": "w1", "skills": [] } ] }
        """;

    public static string ExampleFor(string? operationName) => operationName switch
    {
        OperationName => Example(),
        "ReplanPlanning" => DayWithPlan("""
            , "now": "11:00", "urgent": { "id": "urgent-1", "residentId": "421202001001-R001", "lat": 29.84, "lng": 114.32, "durationMin": 20, "earliest": "11:00", "latest": "14:00", "skills": [], "priority": 3 }
            """),
        "ExplainPlanning" => DayWithPlan(),
        "PlanWeek" => Week,
        _ => "",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (ExampleFor(name) is { Length: > 0 } example && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            media.Example = System.Text.Json.Nodes.JsonNode.Parse(example);
        return Task.CompletedTask;
    }
}
