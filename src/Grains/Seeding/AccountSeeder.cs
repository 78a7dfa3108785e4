using System.Security.Cryptography;
using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.Accounts;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Seeding;

/// <summary>
/// Demo accounts, one per role, inside 咸安区 (and a second coordinator in 通城县 to show scoping).
/// Their password comes from Grid:Demo:Password; without one, a random password is written
/// (owner-only) to demo-password.txt in the data directory and only that path is logged.
/// </summary>
internal sealed class AccountSeeder(IGrainFactory grains, SeedSettings settings, ILogger logger)
{
    public async Task SeedAsync(IReadOnlyList<Division> divisions, CancellationToken ct)
    {
        const string county = "421202000000", township = DemoTownship, otherCounty = "421222000000";
        var village = DemoVillage(divisions).Code12;
        var password = DemoPassword();
        (string User, string Name, string Role, string Region, string? Subject)[] accounts =
        [
            ("admin", "系统管理员", Roles.Admin, RegionCodes.City, null),
            ("databureau", "市政数局", Roles.DataBureau, RegionCodes.City, null),
            ("department", "市民政局", Roles.Department, RegionCodes.City, "民政局"),
            ("coordinator", "咸安区政数局", Roles.Coordinator, county, null),
            ("township", "温泉街道便民服务中心", Roles.Coordinator, township, null),
            ("coordinator2", "通城县政数局", Roles.Coordinator, otherCounty, null),
            ("center", "党群服务中心", Roles.CenterStaff, village, null),
            ("worker", "网格员", Roles.Worker, village, $"{village}-W01"),
            ("resident", "居民", Roles.Resident, village, $"{village}-R001"),
        ];
        foreach (var a in accounts)
        {
            ct.ThrowIfCancellationRequested();
            await grains.GetGrain<IAccountGrain>(a.User).SetAsync(new AccountInfo(a.User, a.Name, a.Role, a.Region, a.Subject, true), password);
        }
    }

    public const string DemoTownship = "421202001000";

    /// <summary>The demo accounts' community: the first of 温泉街道.</summary>
    public static Division DemoVillage(IReadOnlyList<Division> divisions) =>
        divisions.Where(d => d.ParentCode == DemoTownship).OrderBy(d => d.Code12, StringComparer.Ordinal).First();

    private string DemoPassword()
    {
        if (!string.IsNullOrEmpty(settings.DemoPassword)) return settings.DemoPassword;
        Directory.CreateDirectory(settings.DataPath);
        var file = Path.Combine(settings.DataPath, "demo-password.txt");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y'));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogWarning("Grid:Demo:Password is not set; the demo accounts' password is in {File}", file);
        return File.ReadAllText(file).Trim();
    }
}
