using Grid.Gateway.Apis.Common;
using System.Globalization;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Grains.Seeding;

namespace Grid.Gateway.Apis.People;

/// <summary>Checks of people requests; every message names the field and says what to send.</summary>
public static class PeopleValidation
{
    public static Dictionary<string, string[]> Check(ResidentRequest r, out List<Need> needs)
    {
        var errors = new Dictionary<string, string[]>();
        needs = [];
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 50) errors["name"] = ["Enter the resident's name (1–50 characters)."];
        if (!IdNumbers.IsValid(r.IdNumber)) errors["idNumber"] = ["Enter an 18-character resident ID number with a correct check digit."];
        if (!IsPhone(r.Phone)) errors["phone"] = ["Enter an 11-digit mobile number starting with 1."];
        foreach (var n in r.Needs ?? [])
        {
            if (Enum.TryParse<Need>(n, ignoreCase: false, out var need) && Enum.IsDefined(need)) needs.Add(need);
            else errors["needs"] = [$"'{n}' is not a need; use {string.Join(", ", Enum.GetNames<Need>())}."];
        }
        if (needs.Count == 0 && !errors.ContainsKey("needs")) errors["needs"] = ["Give at least one need (special-needs residents only)."];
        if (r.CareLevel is < 1 or > 3) errors["careLevel"] = ["Care level is 1 (light) to 3 (intensive)."];
        if (string.IsNullOrWhiteSpace(r.Address) || r.Address.Length > 200) errors["address"] = ["Enter the home address (1–200 characters)."];
        Points.Check(errors, r.HomeLat, r.HomeLng, "homeLat", "homeLng");
        var proxies = r.Proxies ?? [];
        for (var i = 0; i < proxies.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(proxies[i].Name)) errors[$"proxies[{i}].name"] = ["Enter the proxy's name."];
            if (!IsPhone(proxies[i].Phone)) errors[$"proxies[{i}].phone"] = ["Enter the proxy's 11-digit mobile number."];
        }
        if (r.Consent is { } c && string.IsNullOrWhiteSpace(c.Scope)) errors["consent.scope"] = ["Say what the consent covers, e.g. assisted-agency."];
        return errors;
    }

    public static Dictionary<string, string[]> Check(WorkerRequest w, out WorkerRole role, out TimeOnly start, out TimeOnly end)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(w.Name) || w.Name.Length > 50) errors["name"] = ["Enter the worker's name (1–50 characters)."];
        if (!Enum.TryParse(w.Role, ignoreCase: false, out role) || !Enum.IsDefined(role))
            errors["role"] = [$"Role must be one of {string.Join(", ", Enum.GetNames<WorkerRole>())}."];
        if (!RegionCodes.IsValid(w.VillageCode) || RegionCodes.LevelOf(w.VillageCode) != RegionLevel.Village)
            errors["villageCode"] = ["Give the 12-digit code of the worker's village or community."];
        if (w.DailyCapacity is < 0 or > 50) errors["dailyCapacity"] = ["Daily capacity is 0–50 tasks."];
        if (!TimeOnly.TryParseExact(w.WorkStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            errors["workStart"] = ["Give the start of the working day as HH:mm."];
        if (!TimeOnly.TryParseExact(w.WorkEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
            errors["workEnd"] = ["Give the end of the working day as HH:mm."];
        else if (start >= end) errors["workEnd"] = ["The working day must end after it starts."];
        if (!IsPhone(w.Phone)) errors["phone"] = ["Enter an 11-digit mobile number starting with 1."];
        Points.Check(errors, w.Lat, w.Lng, "lat", "lng");
        var grids = w.Grids ?? [];
        for (var i = 0; i < grids.Count; i++)
        {
            if (grids[i].GridId is not { } g || !RegionCodes.IsValid(w.VillageCode) || !g.StartsWith(w.VillageCode + "-G", StringComparison.Ordinal))
                errors[$"grids[{i}].gridId"] = ["A worker serves grids of their own village: use an id like {villageCode}-G01."];
            if (grids[i].Until is { } u && u <= grids[i].From) errors[$"grids[{i}].until"] = ["An assignment ends after it starts."];
        }
        return errors;
    }

    public static bool IsPhone(string? phone) => phone is { Length: 11 } && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
