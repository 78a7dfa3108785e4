using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Grid.Contracts;
using Grid.Gateway.Hosting.OpenApi;
using Grid.Planning;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Tests;

/// <summary>The document's examples come from ContractExamples and must read back into their contract types.</summary>
[Collection(GatewayCollection.Name)]
public sealed class OpenApiExamplesTests(GatewayFactory gateway)
{
    [Fact]
    public async Task EveryRequestBodyCarriesAnExample()
    {
        var doc = await DocumentAsync();
        var bodies = (from path in doc["paths"]!.AsObject()
                      from op in path.Value!.AsObject()
                      let content = op.Value?["requestBody"]?["content"]?.AsObject()
                      where content is not null
                      from media in content
                      select (Route: $"{op.Key.ToUpperInvariant()} {path.Key} ({media.Key})", Media: media.Value!)).ToList();
        Assert.True(bodies.Count >= 30, $"only {bodies.Count} request bodies found");

        var missing = bodies.Where(b => b.Media["example"] is null && !HasExample(doc, b.Media["schema"])).Select(b => b.Route);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryExampleReadsBackIntoItsContractTypeWithTheGatewaysJsonOptions()
    {
        var doc = await DocumentAsync();
        var options = StrictGatewayOptions();
        var withExamples = doc["components"]!["schemas"]!.AsObject().Where(s => s.Value?["examples"] is JsonArray { Count: > 0 }).ToList();
        Assert.True(withExamples.Count >= ContractExamples.All.Count, $"{withExamples.Count} schemas have examples; ContractExamples has {ContractExamples.All.Count}");

        var problems = new List<string>();
        foreach (var (name, schema) in withExamples)
        {
            if (TypeNamed(name) is not { } type) { problems.Add($"{name}: has an example but names no contract type"); continue; }
            var example = schema!["examples"]![0]!;
            try
            {
                var read = example.Deserialize(type, options) ?? throw new JsonException("read as null");
                var again = JsonSerializer.SerializeToNode(read, type, options);
                if (!JsonNode.DeepEquals(example, again)) problems.Add($"{name}: the example changes on a round trip through {type.Name}: {again?.ToJsonString()}");
            }
            catch (JsonException e) { problems.Add($"{name}: {e.Message}"); }
        }
        Assert.Empty(problems);
        Assert.All(ContractExamples.All.Keys, t => Assert.Contains(withExamples, s => s.Key == t.Name));
    }

    [Fact]
    public void ThePlanningExampleIsAValidInstance()
    {
        var instance = PlanJson.ReadInstance(PlanningExampleTransformer.Example());

        Assert.NotEmpty(instance.Visits);
        Assert.NotEmpty(instance.Workers);
    }

    [Theory]
    [InlineData("ReplanPlanning")]
    [InlineData("ExplainPlanning")]
    public void TheReplanAndExplainExamplesReadAsTheirRequests(string operation)
    {
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PlanningExampleTransformer.ExampleFor(operation)));

        var (instance, plan) = operation == "ReplanPlanning"
            ? Replan(Grid.Planning.Replanning.ReplanJson.ReadRequest(body))
            : Grid.Planning.Explaining.ExplainJson.ReadRequest(body);

        Assert.NotEmpty(instance.Visits);
        Assert.NotEmpty(plan.Routes);
    }

    [Fact]
    public void TheWeekExampleReadsAsAWeek()
    {
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PlanningExampleTransformer.ExampleFor("PlanWeek")));

        var week = Grid.Planning.Weekly.WeekJson.Read(body);

        Assert.NotEmpty(week.Workers);
        Assert.NotEmpty(week.Needs);
    }

    private static (PlanningInstance, Plan) Replan(Grid.Planning.Replanning.ReplanRequest r) => (r.Instance, r.Plan);

    private static bool HasExample(JsonNode doc, JsonNode? schema)
    {
        if (schema is null) return false;
        if (schema["examples"] is JsonArray { Count: > 0 }) return true;
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return HasExample(doc, doc["components"]!["schemas"]![reference.Split('/')[^1]]);
        // A nullable body (TaskActionDto?) is oneOf null or the type: the type must carry one.
        return schema["oneOf"] is JsonArray any && any.Any(s => s?["$ref"] is not null && HasExample(doc, s));
    }

    /// <summary>Contract types by schema name; Page&lt;T&gt; is named PageOfT.</summary>
    private static Type? TypeNamed(string name)
    {
        var byName = ContractExamples.All.Keys.ToDictionary(t => t.Name);
        if (byName.TryGetValue(name, out var type)) return type;
        return name.StartsWith("PageOf", StringComparison.Ordinal) && byName.TryGetValue(name["PageOf".Length..], out var item)
            ? typeof(Page<>).MakeGenericType(item) : null;
    }

    /// <summary>The gateway's options, but refusing unknown members and missing ones, so a renamed field fails here.</summary>
    private JsonSerializerOptions StrictGatewayOptions() =>
        new(gateway.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await gateway.CreateClient().GetStringAsync("/openapi/v1.json"))!;
}
