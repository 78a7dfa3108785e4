using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Grid.Gateway.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog to the console and to a daily rolling compact-JSON file in the data directory; each event carries its
    /// trace id. The host keeps its own logger (preserveStaticLogger): otherwise every host's Microsoft.Extensions.Logging
    /// events go through the static logger, which is whichever host started last when tests run several in one process.
    /// </summary>
    public static void AddGridLogging(this IHostApplicationBuilder builder, GridOptions options)
    {
        var file = Path.Combine(options.DataPath, "logs", "grid-.clef");
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<ActivityTraceEnricher>()
            .Enrich.WithProperty("Application", "Grid.Gateway")
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14, fileSizeLimitBytes: 64 * 1024 * 1024, rollOnFileSizeLimit: true));
    }

    /// <summary>
    /// One line per request with the status the client got. Put it before UseExceptionHandler: it then sees the
    /// answer the handler wrote (a refused request is a 4xx, logged as Information) instead of the exception on its
    /// way out (which it would log as a 500 error). Only 5xx answers are errors; their stack is logged by the handler.
    /// </summary>
    public static IApplicationBuilder UseGridRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(o =>
    {
        // This host's logger, not the static one: with several hosts in one process (tests) the static
        // logger is whichever host started last, and request lines would land in its files.
        o.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
        o.GetLevel = (http, _, exception) => exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        o.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            if (http.GetEndpoint() is RouteEndpoint endpoint) diagnostics.Set("Route", endpoint.RoutePattern.RawText);
        };
    });
}
