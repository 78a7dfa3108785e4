using System.Text.Json.Serialization;
using Grid.Gateway.Hosting.OpenApi;

namespace Grid.Gateway.Hosting;

public static class ApiServiceExtensions
{
    public static void AddGridApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<GridExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Names only: a number for an enum would bind to whatever value it is, defined or not.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Grid API";
            doc.Info.Description = "Grid-based services and assisted agency (帮办代办) for Xianning: regions, people, " +
                "catalog, delegation lists, requests and tasks, evaluations. Sign in with POST /api/auth/token and send " +
                "the token as 'Authorization: Bearer …'.";
            return Task.CompletedTask;
        }).AddSchemaTransformer<ContractExampleTransformer>().AddOperationTransformer<PlanningExampleTransformer>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NearMisses>();
    }
}
