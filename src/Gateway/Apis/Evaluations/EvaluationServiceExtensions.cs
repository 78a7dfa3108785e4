using Grid.Grains.Evaluations;

namespace Grid.Gateway.Apis.Evaluations;

public static class EvaluationServiceExtensions
{
    /// <summary>Binds Grid:Evaluations (also read by the grains in embedded mode) and Grid:PublicStatistics.</summary>
    public static void AddGridEvaluations(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<EvaluationOptions>(builder.Configuration.GetSection("Grid:Evaluations"));
        builder.Services.Configure<PublicStatisticsOptions>(builder.Configuration.GetSection("Grid:PublicStatistics"));
        builder.Services.AddSingleton<PublicSatisfaction>();
    }

    public static void MapEvaluationApis(this IEndpointRouteBuilder app)
    {
        app.MapServiceRecordsApi();
        app.MapEvaluationsApi();
        app.MapRectificationsApi();
        app.MapStatisticsApi();
    }
}
