using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grid.Grains.People;

/// <summary>
/// Encrypts ID numbers and phones (the resident's, the family proxies', the worker's) in stored grain
/// state with ASP.NET Core Data Protection, one purpose per field kind, so a copy of the database or a
/// backup does not give them away. A sealed value is "enc1:" + the protected text; anything else is an
/// old plaintext value (state written before encryption), read as is and reported so it is re-saved.
/// Names and addresses are not sealed (docs/people-and-privacy.md says why).
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    public const string Prefix = "enc1:";
    private readonly IDataProtector _idNumbers = provider.CreateProtector("Grid.People.IdNumber.v1");
    private readonly IDataProtector _phones = provider.CreateProtector("Grid.People.Phone.v1");
    private readonly IDataProtector _messages = provider.CreateProtector("Grid.Sms.Text.v1");

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public ResidentProfile Seal(ResidentProfile r) => r with
    {
        IdNumber = Seal(_idNumbers, r.IdNumber),
        Phone = Seal(_phones, r.Phone),
        Proxies = [.. r.Proxies.Select(p => p with { Phone = Seal(_phones, p.Phone) })],
    };

    public ResidentProfile Open(ResidentProfile r, ref bool plaintext)
    {
        var id = Open(_idNumbers, r.IdNumber, ref plaintext);
        var phone = Open(_phones, r.Phone, ref plaintext);
        var proxies = new List<FamilyProxy>(r.Proxies.Count);
        foreach (var p in r.Proxies) proxies.Add(p with { Phone = Open(_phones, p.Phone, ref plaintext) });
        return r with { IdNumber = id, Phone = phone, Proxies = proxies };
    }

    public WorkerProfile Seal(WorkerProfile w) => w with { Phone = Seal(_phones, w.Phone) };

    public WorkerProfile Open(WorkerProfile w, ref bool plaintext) => w with { Phone = Open(_phones, w.Phone, ref plaintext) };

    /// <summary>The stored form of a resident's state: the same object graph with the profile sealed.</summary>
    public ResidentState Seal(ResidentState s) =>
        new() { Profile = s.Profile is null ? null : Seal(s.Profile), Visits = s.Visits, Version = s.Version, Filing = s.Filing };

    public (ResidentState State, bool Plaintext) Open(ResidentState s)
    {
        var plaintext = false;
        var profile = s.Profile is null ? null : Open(s.Profile, ref plaintext);
        return (new() { Profile = profile, Visits = s.Visits, Version = s.Version, Filing = s.Filing }, plaintext);
    }

    public WorkerState Seal(WorkerState s) => new() { Profile = s.Profile is null ? null : Seal(s.Profile), Version = s.Version, Filing = s.Filing };

    public (WorkerState State, bool Plaintext) Open(WorkerState s)
    {
        var plaintext = false;
        var profile = s.Profile is null ? null : Open(s.Profile, ref plaintext);
        return (new() { Profile = profile, Version = s.Version, Filing = s.Filing }, plaintext);
    }

    /// <summary>A phone kept outside a resident's or worker's state (the SMS outbox), sealed the same way.</summary>
    public string SealPhone(string clear) => Seal(_phones, clear);

    public string OpenPhone(string stored)
    {
        var plaintext = false;
        return Open(_phones, stored, ref plaintext);
    }

    /// <summary>A text message waiting to be sent: it carries a rating link, a secret of the resident's.</summary>
    public string SealMessage(string clear) => Seal(_messages, clear);

    public string OpenMessage(string stored)
    {
        var plaintext = false;
        return Open(_messages, stored, ref plaintext);
    }

    private static string Seal(IDataProtector protector, string clear) =>
        string.IsNullOrEmpty(clear) || IsSealed(clear) ? clear : Prefix + protector.Protect(clear);

    private static string Open(IDataProtector protector, string stored, ref bool plaintext)
    {
        if (IsSealed(stored)) return protector.Unprotect(stored[Prefix.Length..]);
        plaintext |= !string.IsNullOrEmpty(stored);
        return stored;
    }
}

public static class PersonalDataServiceExtensions
{
    /// <summary>The application name every gateway and silo shares, so they all read the same key ring.</summary>
    public const string ApplicationName = "Grid";

    /// <summary>
    /// Data Protection with its key ring in <paramref name="keysPath"/> and the <see cref="PersonalDataProtector"/>:
    /// needed wherever resident and worker grains run (the embedded gateway, every cluster silo). In a cluster the
    /// path is one directory all silos share (Grid:DataProtection:KeysPath); a silo with another ring cannot read the state.
    /// </summary>
    public static IServiceCollection AddGridPersonalData(this IServiceCollection services, string keysPath)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(Directory.CreateDirectory(keysPath));
        services.TryAddSingleton<PersonalDataProtector>();
        return services;
    }

    /// <summary>Grid:DataProtection:KeysPath, or "keys" in the data directory.</summary>
    public static string KeysPath(string? configured, string dataPath) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(dataPath, "keys") : Path.GetFullPath(configured);
}
