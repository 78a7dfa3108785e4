using Grid.Grains.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.Grains.Dispatch;

public static class NotificationServiceExtensions
{
    public const string VapidSection = "Grid:Notifications:Vapid";

    /// <summary>
    /// VAPID keys from "Grid:Notifications:Vapid"; when they are absent and <paramref name="generateInto"/>
    /// is given (the embedded run), a pair is made once into vapid-keys.txt there (owner-only), like the
    /// demo password. A cluster must configure them, so every gateway and silo signs with the same pair.
    /// </summary>
    public static IServiceCollection AddGridNotifications(this IServiceCollection services, IConfiguration configuration, string? generateInto)
    {
        services.Configure<VapidOptions>(configuration.GetSection(VapidSection));
        if (generateInto is not null)
            services.PostConfigure<VapidOptions>(o => { if (!o.Configured) (o.PublicKey, o.PrivateKey) = GeneratedKeys(generateInto); });
        services.TryAddSingleton<IWebPushSender, WebPushSender>();
        services.TryAddSingleton<ISmsSender, LogOnlySmsSender>();
        return services;
    }

    private static (string, string) GeneratedKeys(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var file = Path.Combine(dataPath, "vapid-keys.txt");
        if (!File.Exists(file))
        {
            var (pub, priv) = VapidOptions.Generate();
            File.WriteAllLines(file, [pub, priv]);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var lines = File.ReadAllLines(file);
        return (lines[0].Trim(), lines[1].Trim());
    }
}
