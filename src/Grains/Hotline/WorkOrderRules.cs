using Grid.Contracts;
using Grid.Grains.Common;

namespace Grid.Grains.Hotline;

/// <summary>Field rules of intake and steps; messages say what to send instead.</summary>
public static class WorkOrderRules
{
    public static void Validate(WorkOrderIntake intake)
    {
        if (HotlineCategories.Find(intake.Category) is null)
            throw ValidationException.For("category", $"'{intake.Category}' is not a category; use one of {string.Join(", ", HotlineCategories.All.Select(c => c.Code))}.");
        Reason(intake.Description, "Describe what the caller asks or reports.", "description", 2000);
        if ((intake.Lat is null) != (intake.Lng is null))
            throw ValidationException.For("lat", "Give both lat and lng, or neither.");
        if (intake.Lat is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90 || !double.IsFinite(intake.Lng!.Value) || intake.Lng is < -180 or > 180))
            throw ValidationException.For("lat", "Give the point as WGS84 degrees: lat −90…90, lng −180…180.");
        if (intake.Address is { Length: > 300 }) throw ValidationException.For("address", "Keep the address under 300 characters.");
        if (intake.Lat is null)
        {
            if (string.IsNullOrWhiteSpace(intake.Address))
                throw ValidationException.For("address", "Give the place: a point (lat, lng) or an address.");
            if (intake.RegionCode is { } code && (!RegionCodes.IsValid(code) || !RegionCodes.Contains(RegionCodes.City, code)))
                throw ValidationException.For("regionCode", $"'{code}' is not a region of the city; give the 12-digit code of the township or village the address lies in.");
        }
        if (intake.CallerName is { Length: > 50 }) throw ValidationException.For("callerName", "Keep the caller's name under 50 characters.");
        if (intake.CallerPhone is { } phone && (phone.Length is < 3 or > 20 || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ')))
            throw ValidationException.For("callerPhone", "Give the caller's phone as digits (3–20).");
        if (intake.ItemCode is { Length: > 100 }) throw ValidationException.For("itemCode", "A catalog item code has at most 100 characters.");
    }

    public static HandlingUnit Unit(HandlingUnit? unit)
    {
        if (unit is null || string.IsNullOrWhiteSpace(unit.Id)) throw ValidationException.For("unitId", "Name the handling unit: a township or village code, or a department.");
        if (unit.Kind == HandlingUnitKind.Region
            && (!RegionCodes.IsValid(unit.Id) || !RegionCodes.Contains(RegionCodes.City, unit.Id) || RegionCodes.LevelOf(unit.Id) is not (RegionLevel.Township or RegionLevel.Village)))
            throw ValidationException.For("unitId", $"'{unit.Id}' is not a township or village of the city; give its 12-digit code.");
        if (unit.Id.Length > 100 || unit.Id.Any(char.IsControl)) throw ValidationException.For("unitId", "A department id has at most 100 printable characters.");
        return unit with { Id = unit.Id.Trim() };
    }

    public static int Days(int? days, int max) =>
        days is { } d && d >= 1 && d <= max ? d : throw ValidationException.For("workingDays", $"Ask for 1 to {max} working days.");

    public static string Reason(string? text, string message, string field = "reason", int max = 500) =>
        string.IsNullOrWhiteSpace(text) ? throw ValidationException.For(field, message)
        : text.Trim().Length > max ? throw ValidationException.For(field, $"Keep it under {max} characters.")
        : text.Trim();

    public static string? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > 500 ? throw ValidationException.For("reason", "Keep it under 500 characters.") : text.Trim();
}
