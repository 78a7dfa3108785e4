using System.Threading.RateLimiting;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Grid.Gateway.Security;

/// <summary>
/// One global limiter, partitioned by (kind of route, client address): sign-in, anonymous public reads
/// and ratings each get a fixed window per minute per address (Grid:RateLimits); other routes are not
/// limited here. A refused call answers 429 with Retry-After and a problem-details body.
/// </summary>
public static class RateLimits
{
    public static void AddGridRateLimits(this IHostApplicationBuilder builder, RateLimitOptions options)
    {
        if (!options.Enabled) return;
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                KindOf(context.Request) is not { } kind ? RateLimitPartition.GetNoLimiter("none")
                : RateLimitPartition.GetFixedWindowLimiter(kind + "|" + ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = kind switch { "sign-in" => options.SignInPerMinute, "rating" => options.RatingPerMinute, _ => options.PublicPerMinute },
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
                await Problems.Status(429, "Too many requests.", "This address sent too many requests of this kind; retry after the time in Retry-After.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    public static void UseGridRateLimits(this WebApplication app)
    {
        if (app.Services.GetService<Microsoft.Extensions.Options.IOptions<RateLimiterOptions>>()?.Value.GlobalLimiter is not null)
            app.UseRateLimiter();
    }

    /// <summary>Which limit a request counts against; null for the routes this limiter leaves alone.</summary>
    public static string? KindOf(HttpRequest request)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (post && (path.StartsWithSegments("/api/auth/token") || path.StartsWithSegments("/api/auth/refresh")
            || path.StartsWithSegments("/admin/dashboard-sign-in"))) return "sign-in";
        if (post && (path.StartsWithSegments("/api/evaluations") && path.Value!.TrimEnd('/').Length == "/api/evaluations".Length
            || path.StartsWithSegments("/api/public/evaluations/qr"))) return "rating";
        return path.StartsWithSegments("/api/public") ? "public" : null;
    }
}
