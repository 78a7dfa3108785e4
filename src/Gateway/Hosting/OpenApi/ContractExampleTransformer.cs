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

/// <summary>The planner's body is the grid-visits/1 format (docs/planning-format.md), not a contract type: a small generated instance.</summary>
public sealed class PlanningExampleTransformer : IOpenApiOperationTransformer
{
    public const string OperationName = "SolvePlanning";

    public static string Example() => Planning.PlanJson.WriteInstance(Planning.InstanceGenerator.Generate(3, 1, seed: 1));

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name == OperationName && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            media.Example = System.Text.Json.Nodes.JsonNode.Parse(Example());
        return Task.CompletedTask;
    }
}
