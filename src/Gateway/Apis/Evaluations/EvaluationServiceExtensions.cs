using Grid.Grains.Evaluations;

namespace Grid.Gateway.Apis.Evaluations;

public static class EvaluationServiceExtensions
{
    /// <summary>Binds Grid:Evaluations (also read by the grains in embedded mode).</summary>
    public static void AddGridEvaluations(this IHostApplicationBuilder builder) =>
        builder.Services.Configure<EvaluationOptions>(builder.Configuration.GetSection("Grid:Evaluations"));

    public static void MapEvaluationApis(this IEndpointRouteBuilder app)
    {
        app.MapServiceRecordsApi();
        app.MapEvaluationsApi();
        app.MapRectificationsApi();
        app.MapStatisticsApi();
    }
}
