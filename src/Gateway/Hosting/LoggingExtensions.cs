using Serilog;
using Serilog.Formatting.Compact;

namespace Grid.Gateway.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog to the console and to a daily rolling compact-JSON file in the data directory.</summary>
    public static void AddGridLogging(this IHostApplicationBuilder builder, GridOptions options)
    {
        var file = Path.Combine(options.DataPath, "logs", "grid-.clef");
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "Grid.Gateway")
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14, fileSizeLimitBytes: 64 * 1024 * 1024, rollOnFileSizeLimit: true));
    }
}
