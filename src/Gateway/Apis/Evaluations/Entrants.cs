using System.Security.Claims;
using Grid.Gateway.Security;
using Grid.Grains.Evaluations;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>
/// Whether the signed-in staff member is the person a rating should be independent of: the one who
/// served (the record's StaffId is their user name or linked worker id) or who registered the window
/// service (and so chose who is named as serving). Their phone entries and printed slips are flagged.
/// </summary>
internal static class Entrants
{
    public static string? FlagFor(ClaimsPrincipal user, ServiceRecordInfo record) =>
        Is(user, record.StaffId) ? "Entered by the staff member who served this service."
        : Is(user, record.RegisteredBy) ? "Entered by the staff member who registered this service."
        : null;

    private static bool Is(ClaimsPrincipal user, string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && (string.Equals(id, user.UserName(), StringComparison.OrdinalIgnoreCase) || string.Equals(id, user.SubjectId(), StringComparison.OrdinalIgnoreCase));
}
