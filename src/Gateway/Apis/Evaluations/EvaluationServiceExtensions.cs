using Grid.Gateway.Hosting;
using Grid.Gateway.Security;
using Grid.Grains.Evaluations;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Evaluations;

public static class EvaluationServiceExtensions
{
    /// <summary>Binds Grid:Evaluations (also read by the grains in embedded mode), Grid:PublicStatistics and the QR token signer.</summary>
    public static void AddGridEvaluations(this IHostApplicationBuilder builder, GridOptions options)
    {
        builder.Services.Configure<EvaluationOptions>(builder.Configuration.GetSection("Grid:Evaluations"));
        builder.Services.Configure<PublicStatisticsOptions>(builder.Configuration.GetSection("Grid:PublicStatistics"));
        builder.Services.AddSingleton<PublicSatisfaction>();
        builder.Services.AddSingleton(sp => new QrTokenService(
            QrTokenService.DeriveKey(SigningKeyStore.Load(options.Auth.SigningKey, options.DataPath).Key),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromDays(sp.GetRequiredService<IOptions<EvaluationOptions>>().Value.QrTokenLifetimeDays)));
    }

    public static void MapEvaluationApis(this IEndpointRouteBuilder app)
    {
        app.MapServiceRecordsApi();
        app.MapEvaluationsApi();
        app.MapRectificationsApi();
        app.MapStatisticsApi();
    }
}
