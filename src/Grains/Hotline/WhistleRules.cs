using Grid.Contracts;
using Grid.Grains.Common;

namespace Grid.Grains.Hotline;

/// <summary>Field rules of a whistle order; messages say what to send instead.</summary>
public static class WhistleRules
{
    public const int MaxDepartments = 20;
    public const int MaxWorkingDays = 10;

    /// <summary>A department id: its name, 1 to 100 letters (any script), digits, spaces and - _ · ( ) （ ）.</summary>
    public static string Department(string? id, string field = "department")
    {
        var d = id?.Trim() ?? "";
        if (d.Length is 0 or > 100 || !d.All(c => char.IsLetterOrDigit(c) || " -_·()（）".Contains(c)))
            throw ValidationException.For(field, "A department id is its name: 1 to 100 letters, digits, spaces and - _ · ( ).");
        return d;
    }

    public static WhistleIssue Validate(WhistleIssue issue)
    {
        var township = issue.TownshipCode?.Trim() ?? "";
        if (!RegionCodes.IsValid(township) || !RegionCodes.Contains(RegionCodes.City, township) || RegionCodes.LevelOf(township) != RegionLevel.Township)
            throw ValidationException.For("townshipCode", $"'{township}' is not a township or sub-district of the city; give its 12-digit code.");
        var departments = (issue.Departments ?? []).Select(d => d?.Trim() ?? "").ToList();
        if (departments.Count is 0 or > MaxDepartments)
            throw ValidationException.For("departments", $"Name 1 to {MaxDepartments} departments to summon.");
        foreach (var d in departments) Department(d, "departments");
        if (departments.Distinct(StringComparer.Ordinal).Count() != departments.Count)
            throw ValidationException.For("departments", "Name each department once.");
        if (issue.WorkingDays is < 1 or > MaxWorkingDays)
            throw ValidationException.For("workingDays", $"Give the reporting time as 1 to {MaxWorkingDays} working days.");
        return new WhistleIssue(township,
            WorkOrderRules.Reason(issue.Matter, "Say what the matter is (吹哨事项).", "matter", 1000),
            WorkOrderRules.Reason(issue.Place, "Say where the departments are to report.", "place", 300),
            departments, issue.WorkingDays);
    }
}
