using Grid.Gateway.Hosting;
using Grid.Gateway.Security.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Grid.Gateway.Security;

public static class AuthServiceExtensions
{
    public static void AddGridAuth(this IHostApplicationBuilder builder, GridOptions options)
    {
        var key = SigningKeyStore.Load(options.Auth.SigningKey, options.DataPath);
        builder.Services.AddSingleton(sp => new TokenService(key,
            TimeSpan.FromMinutes(options.Auth.TokenLifetimeMinutes), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = c => { c.Token ??= Hosting.DashboardCookie.TokenFor(c.Request); return Task.CompletedTask; },
                };
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = GridClaims.Name,
                    RoleClaimType = GridClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        builder.Services.AddGridAccess();
    }
}
