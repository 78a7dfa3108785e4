using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.People;

/// <summary>Grain records to HTTP DTOs, masking what the caller does not need in clear.</summary>
public static class PeopleMapping
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static ResidentDto ToDto(this ResidentProfile r, Caller caller)
    {
        var id = AccessRules.Allows(caller, Act.Read, r.Target(Kind.ResidentIdNumber));
        var contact = AccessRules.Allows(caller, Act.Read, r.Target(Kind.ResidentContact));
        return new ResidentDto(r.Id, r.Name,
            id ? r.IdNumber : Masking.IdNumber(r.IdNumber), !id,
            contact ? r.Phone : Masking.Phone(r.Phone), !contact,
            [.. r.Needs.Select(n => n.ToString())], r.CareLevel,
            contact ? r.HomeLat : Math.Round(r.HomeLat, 2), contact ? r.HomeLng : Math.Round(r.HomeLng, 2),
            contact ? r.Address : Masking.Address(r.Address), !contact,
            r.GridId, r.VillageCode,
            [.. r.Proxies.Select(p => new FamilyProxyDto(p.Name, p.Relation, contact ? p.Phone : Masking.Phone(p.Phone), p.HasPowerOfAttorney))],
            r.Consent is { } c ? new ConsentDto(c.Given, new DateTimeOffset(c.RecordedAtUtc, TimeSpan.Zero).ToOffset(Shanghai), c.RecordedBy, c.Scope) : null);
    }

    public static ResidentSummaryDto ToDto(this ResidentSummary r, string villageCode) =>
        new(r.Id, r.Name, [.. r.Needs.Select(n => n.ToString())], r.GridId, villageCode, r.CareLevel);

    public static WorkerDto ToDto(this WorkerProfile w, Caller caller)
    {
        var phone = AccessRules.Allows(caller, Act.Read, w.Target(Kind.WorkerPhone));
        return new WorkerDto(w.Id, w.Name, w.Role.ToString(), w.VillageCode,
            [.. w.Grids.Select(g => new GridAssignmentDto(g.GridId, g.From, g.Until))], w.Skills, w.DailyCapacity,
            w.WorkStart.ToString("HH:mm"), w.WorkEnd.ToString("HH:mm"), phone ? w.Phone : Masking.Phone(w.Phone), !phone, w.Active, w.Lat, w.Lng);
    }

    public static WorkerSummaryDto ToDto(this WorkerSummary w, string villageCode) =>
        new(w.Id, w.Name, w.Role.ToString(), villageCode, w.GridIds, w.Active);

    public static VisitDto ToDto(this VisitRecord v) =>
        new(new DateTimeOffset(v.AtUtc, TimeSpan.Zero).ToOffset(Shanghai), v.WorkerId, v.Kind, v.Note);
}
