using Microsoft.AspNetCore.Authorization;

namespace Grid.Gateway.Security.Access;

public static class AccessServiceExtensions
{
    /// <summary>
    /// Authenticated by default: an endpoint that says nothing needs a signed-in user, so a new route is
    /// never open by accident; the open ones opt out with AllowAnonymous and are listed in <see cref="AnonymousRoutes"/>.
    /// </summary>
    public static void AddGridAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AccessService>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
