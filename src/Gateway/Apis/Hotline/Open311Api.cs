using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Hotline;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>"Grid:Open311": the API keys accepted from configuration (demo and tests), valid for the whole city; admins issue scoped ones (Open311KeysApi).</summary>
public sealed class Open311Options
{
    public List<string> ApiKeys { get; set; } = [];
}

/// <summary>
/// Open311 GeoReport v2 at /open311/v2, so existing 311 apps file and follow 12345 orders. Answers are
/// the specification's (JSON or XML by the route's extension), errors its error array with 400/403/404;
/// these routes stay out of the OpenAPI document, whose errors are problem details. Reading is open, filing
/// needs an api_key. No answer carries the caller's name, phone, email or device.
/// </summary>
public static class Open311Api
{
    public static RouteGroupBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/open311/v2").AllowAnonymous().ExcludeFromDescription();
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{service_code}.{format}", Definition);
        api.MapPost("/requests.{format}", Open311Requests.PostAsync);
        api.MapGet("/requests.{format}", Open311Requests.ListAsync);
        api.MapGet("/requests/{service_request_id}.{format}", Open311Requests.GetAsync);
        api.MapGet("/tokens/{token}.{format}", Open311Requests.TokenAsync);
        return api;
    }

    public static Task<IResult> Services(string format) => AnswerAsync(format, () => Task.FromResult(
        new Open311Answer("services", [.. HotlineCategories.All.Select(c => new Open311Element("service")
            .With("service_code", c.Code).With("service_name", c.Name).With("description", c.Description)
            .With("metadata", c.Attributes.Count > 0).With("type", "realtime").With("keywords", c.Group).With("group", c.Group))])));

    public static Task<IResult> Definition(string service_code, string format) => AnswerAsync(format, () =>
    {
        var category = HotlineCategories.Find(service_code) ?? throw new NotFoundException($"No service has the code '{service_code}'.");
        var attributes = category.Attributes.Select((a, i) => new Open311Element("attribute")
            .With("variable", true).With("code", a.Code).With("datatype", a.Values.Count > 0 ? "singlevaluelist" : "string")
            .With("required", a.Required).With("datatype_description", null).With("order", i + 1).With("description", a.Description)
            .With("values", a.Values.Select(v => new Open311Element("value").With("key", v).With("name", v)).ToList())).ToList();
        return Task.FromResult(new Open311Answer("service_definitions", [new Open311Element("service_definition").With("service_code", category.Code).With("attributes", attributes)]));
    });

    /// <summary>Runs a handler in the route's format; domain refusals become the specification's error array.</summary>
    public static async Task<IResult> AnswerAsync(string format, Func<Task<Open311Answer>> answer)
    {
        if (format is not ("json" or "xml")) return Open311Answer.Error(404, "Use the .json or .xml form of the route.").ToResult("json");
        try
        {
            return (await answer()).ToResult(format);
        }
        catch (DomainException refused)
        {
            var status = refused switch { NotFoundException => 404, ForbiddenException => 403, _ => 400 };
            return Open311Answer.Error(status, refused.Message).ToResult(format);
        }
    }
}
