using Grid.Gateway.Hosting;
using Grid.Gateway.Security.Access;
using Grid.Grains.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Grid.Gateway.Security;

public static class AuthServiceExtensions
{
    public static void AddGridAuth(this IHostApplicationBuilder builder, GridOptions options)
    {
        var key = SigningKeyStore.Load(options.Auth.SigningKey, options.DataPath);
        var lifetime = options.Auth.AccessTokenLifetime;
        builder.Services.AddSingleton(sp => new TokenService(key, lifetime, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(options.Auth);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<AccountStamps>();
        // The embedded silo shares these services; cluster silos bind the same section (src/Silo).
        builder.Services.Configure<PasswordHashingOptions>(builder.Configuration.GetSection("Grid:Auth"));
        builder.AddGridRateLimits(options.RateLimits);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = c => { c.Token ??= Hosting.DashboardCookie.TokenFor(c.Request); return Task.CompletedTask; },
                    OnTokenValidated = RefuseOutdatedStampAsync,
                };
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = GridClaims.Name,
                    RoleClaimType = GridClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddGridAccess();
    }

    /// <summary>A token issued before the account was disabled or changed is refused (401) although its signature is good.</summary>
    private static async Task RefuseOutdatedStampAsync(TokenValidatedContext context)
    {
        var user = context.Principal?.FindFirst(GridClaims.Name)?.Value;
        var stamp = context.Principal?.FindFirst(GridClaims.Stamp)?.Value;
        var stamps = context.HttpContext.RequestServices.GetRequiredService<AccountStamps>();
        if (user is null || !int.TryParse(stamp, out var value) || !await stamps.IsCurrentAsync(user, value))
            context.Fail("The account was disabled or changed since this token was issued; sign in again.");
    }
}
