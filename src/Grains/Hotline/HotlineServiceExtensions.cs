using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Hotline;

public static class HotlineServiceExtensions
{
    /// <summary>Hotline time limits from "Grid:Hotline"; the working-day calendar is the evaluation settings' one.</summary>
    public static IServiceCollection AddGridHotline(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<HotlineOptions>(configuration.GetSection("Grid:Hotline"));
}
