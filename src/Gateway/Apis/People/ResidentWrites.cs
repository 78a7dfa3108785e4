using Grid.Contracts;
using Grid.Grains.Geography;
using Grid.Grains.People;

using Grid.Gateway.Security.Access;
using Grid.Grains.Common;

namespace Grid.Gateway.Apis.People;

/// <summary>Building a resident record from a request (the resident grain keeps grid cells and directories in step).</summary>
public static class ResidentWrites
{
    public static ResidentProfile Profile(string id, ResidentRequest r, List<Need> needs, GridLocation home, ResidentProfile? current, Caller by, DateTime nowUtc)
    {
        var consent = r.Consent switch
        {
            null => current?.Consent,
            { } c when current?.Consent is { } old && old.Given == c.Given && old.Scope == c.Scope.Trim() => old,
            { } c => new Consent(c.Given, nowUtc, by.UserName, c.Scope.Trim()),
        };
        return new ResidentProfile(id, r.Name.Trim(), r.IdNumber.ToUpperInvariant(), r.Phone, needs, r.CareLevel,
            r.HomeLat, r.HomeLng, r.Address.Trim(), home.Grid.Code, home.Village.Code,
            [.. (r.Proxies ?? []).Select(p => new FamilyProxy(p.Name.Trim(), p.Relation?.Trim() ?? "", p.Phone, p.HasPowerOfAttorney))],
            consent);
    }

    /// <summary>
    /// The one create path (POST and import): allocate the id under <paramref name="allocationKey"/>,
    /// then save, the grain filing the resident into its grid cell and directory. A key seen before
    /// names a resident already saved: it is filed again (idempotent) and returned with Created false.
    /// </summary>
    public static async Task<(Versioned<ResidentProfile> Resident, bool Created)> CreateAsync(
        PeopleServices s, Caller caller, ResidentRequest r, List<Need> needs, GridLocation home, string? allocationKey)
    {
        var id = await s.Directory(home.Village.Code).AllocateIdAsync(PersonKind.Resident, allocationKey);
        var grain = s.Grains.GetGrain<IResidentGrain>(id);
        if (await grain.GetVersionedAsync() is { } replay)
        {
            // A retry: the first try may have stopped between saving and filing; filing again is idempotent.
            await grain.EnsureFiledAsync();
            return (replay, false);
        }
        var profile = Profile(id, r, needs, home, null, caller, s.UtcNow);
        return (new Versioned<ResidentProfile>(profile, await grain.SaveAsync(profile, null)), true);
    }

    /// <summary>The names of the fields that changed, for the audit log (never the values).</summary>
    public static string ChangedFields(ResidentProfile a, ResidentProfile b)
    {
        var changed = new List<string>();
        if (a.Name != b.Name) changed.Add("name");
        if (a.IdNumber != b.IdNumber) changed.Add("idNumber");
        if (a.Phone != b.Phone) changed.Add("phone");
        if (!a.Needs.SequenceEqual(b.Needs)) changed.Add("needs");
        if (a.CareLevel != b.CareLevel) changed.Add("careLevel");
        if (a.HomeLat != b.HomeLat || a.HomeLng != b.HomeLng || a.Address != b.Address) changed.Add("home");
        if (a.GridId != b.GridId) changed.Add($"grid {a.GridId} -> {b.GridId}");
        if (!a.Proxies.SequenceEqual(b.Proxies)) changed.Add("proxies");
        if (a.Consent != b.Consent) changed.Add("consent");
        return changed.Count == 0 ? "no changes" : "changed: " + string.Join(", ", changed);
    }
}
