using System.Text.Json.Nodes;

namespace Grid.Gateway.Tests.Access;

/// <summary>One operation of the gateway's own OpenAPI document, with what a caller needs to call it.</summary>
public sealed record ApiOperation(string Method, string Path, JsonObject Spec, JsonObject Document)
{
    public string Key => $"{Method} {Path}";

    public IReadOnlyList<string> PathParameters => Parameters("path").Select(p => p["name"]!.GetValue<string>()).ToList();

    public bool HasQuery(string name) => Parameters("query").Any(p => p["name"]!.GetValue<string>() == name);

    public IReadOnlyList<(string Name, JsonObject? Schema)> QueryParameters =>
        Parameters("query").Select(p => (p["name"]!.GetValue<string>(), p["schema"] as JsonObject)).ToList();

    public bool HasJsonBody => Spec["requestBody"]?["content"]?["application/json"] is not null;

    /// <summary>The request body's schema, its $ref followed.</summary>
    public JsonObject? BodySchema => Resolve(Spec["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject);

    /// <summary>A valid body: the operation's example, else its schema's first example (both written by ContractExamples).</summary>
    public JsonNode? ExampleBody()
    {
        var media = Spec["requestBody"]?["content"]?["application/json"];
        if (media?["example"] is { } example) return example.DeepClone();
        return BodySchema?["examples"]?[0]?.DeepClone();
    }

    /// <summary>The schema with its $ref followed; of a oneOf (a nullable reference), the branch that is not null.</summary>
    public JsonObject? Resolve(JsonObject? schema)
    {
        if ((schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray branches)
            schema = branches.OfType<JsonObject>().FirstOrDefault(b => b["type"]?.ToString() != "null") ?? schema;
        while (schema?["$ref"] is { } reference)
            schema = Document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]] as JsonObject;
        return schema;
    }

    private IEnumerable<JsonNode> Parameters(string where) =>
        (Spec["parameters"] as JsonArray ?? []).OfType<JsonNode>().Where(p => p["in"]!.GetValue<string>() == where);

    public static async Task<IReadOnlyList<ApiOperation>> LoadAsync(HttpClient client)
    {
        var document = (JsonObject)JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in (JsonObject)document["paths"]!)
            foreach (var (method, spec) in (JsonObject)item!)
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, (JsonObject)spec!, document));
        return operations;
    }
}
