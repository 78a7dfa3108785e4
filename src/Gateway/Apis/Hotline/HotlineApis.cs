using Grid.Grains.Hotline;

namespace Grid.Gateway.Apis.Hotline;

public static class HotlineApis
{
    /// <summary>Open311's keys from "Grid:Open311" and the attachment store (the grains' time limits are bound with the cluster, see AddGridHotline).</summary>
    public static void AddGridHotlineApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection("Grid:Open311"));
        builder.Services.AddSingleton(sp => new AttachmentStore(sp.GetRequiredService<IConfiguration>()["Grid:DataDirectory"] ?? ".data"));
    }

    public static void MapHotlineApis(this IEndpointRouteBuilder app)
    {
        app.MapWorkOrdersApi();
        app.MapHotlineBoardsApi();
        app.MapOpen311Api();
        app.MapWhistlesApi();
        app.MapHeadScheduleApi();
        app.MapPublicHotlineApi();
        app.MapOpen311KeysApi();
    }
}
