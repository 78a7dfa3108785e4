using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpOverrides;

namespace Grid.Gateway.Hosting;

/// <summary>
/// Security headers on every answer (problem answers included: they are added as the response starts,
/// after the exception handler has cleared it). The Content-Security-Policy depends on what is served:
/// <list type="bullet">
/// <item>the portal (Blazor WebAssembly): scripts only from this origin, 'wasm-unsafe-eval' for the runtime,
/// and the inline scripts of index.html by their SHA-256 (read from the served file, so the import map that
/// the build writes into it stays allowed); styles may be inline (Blazor sets style attributes);</item>
/// <item>/docs (Scalar) and /dashboard (Orleans) are third-party pages with inline scripts and styles: they get
/// 'unsafe-inline' but still only this origin (Scalar's fonts excepted) — they hold no resident data of their own;</item>
/// <item>the API, OpenAPI, health and metrics answers load nothing: default-src 'none'.</item>
/// </list>
/// Every answer: nosniff, no referrer (a rating link carries its token in the path), no framing.
/// Behind a TLS proxy (cluster mode or Grid:Http:BehindProxy) forwarded headers are honoured and HSTS is sent.
/// </summary>
public static partial class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    public const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.scalar.com; " +
        "font-src 'self' data: https://fonts.scalar.com; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string DashboardPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddGridSecurityHeaders(this IHostApplicationBuilder builder, GridOptions options)
    {
        builder.Services.AddSingleton<PortalPolicy>();
        if (!BehindProxy(options)) return;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.Http.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
    }

    public static bool BehindProxy(GridOptions options) => options.Mode == GridMode.Cluster || options.Http.BehindProxy;

    /// <summary>First in the pipeline, so every answer carries the headers and a forwarded scheme is known before anything reads it.</summary>
    public static void UseGridSecurityHeaders(this WebApplication app, GridOptions options)
    {
        if (BehindProxy(options))
        {
            app.UseForwardedHeaders();
            app.UseHsts();
        }
        var portal = app.Services.GetRequiredService<PortalPolicy>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = PolicyFor(context.Request.Path, portal);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static string PolicyFor(PathString path, PortalPolicy portal) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/metrics") ? ApiPolicy
        : path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar") ? DocsPolicy
        : path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/admin") ? DashboardPolicy
        : portal.Value;

    /// <summary>The portal's policy, with the hashes of index.html's inline scripts as served (computed once).</summary>
    public sealed class PortalPolicy(IWebHostEnvironment environment)
    {
        private readonly Lazy<string> _value = new(() => Build(environment));

        public string Value => _value.Value;

        private static string Build(IWebHostEnvironment environment)
        {
            var file = environment.WebRootFileProvider.GetFileInfo("index.html");
            var hashes = "";
            if (file.Exists)
            {
                using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
                hashes = string.Concat(InlineScripts(reader.ReadToEnd()).Select(s => $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)))}'"));
            }
            return $"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
                "form-action 'self'; frame-ancestors 'none'";
        }
    }

    /// <summary>The bodies of the &lt;script&gt; elements without a src attribute.</summary>
    public static IEnumerable<string> InlineScripts(string html) =>
        InlineScript().Matches(html).Select(m => m.Groups["body"].Value);

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
