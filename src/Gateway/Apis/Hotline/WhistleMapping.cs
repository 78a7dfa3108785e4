using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Evaluations;
using Grid.Grains.Hotline;

namespace Grid.Gateway.Apis.Hotline;

/// <summary>Whistle orders → Contracts, and their access targets.</summary>
public static class WhistleMapping
{
    public static readonly string[] IssuerRoles = [Roles.Admin, Roles.Coordinator];
    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.DataBureau, Roles.Coordinator, Roles.Department];
    public static readonly string[] ReporterRoles = [Roles.Admin, Roles.Department];

    /// <summary>Reading: the issuing township's region, or one of the summoned departments.</summary>
    public static Target ReadTarget(this WhistleSummary o) => new(Kind.WhistleOrder, o.TownshipCode, Departments: o.Departments);

    /// <summary>Issuing and closing: the township's region staff.</summary>
    public static Target IssueTarget(string townshipCode) => new(Kind.WhistleOrder, townshipCode);

    /// <summary>Reporting in: only the department itself (no region, so region staff cannot report for it).</summary>
    public static Target ReportTarget(string department) => new(Kind.WhistleOrder, "", Departments: [department]);

    public static WhistleSummaryDto ToDto(this WhistleSummary s, DateTime nowUtc) => new(s.Id, s.TownshipCode, s.Matter, s.Departments,
        ShanghaiTime.Show(s.IssuedAtUtc), ShanghaiTime.Show(s.DueUtc),
        [.. s.Reports.Select(r => new WhistleReportDto(r.Department, ShanghaiTime.Show(r.AtUtc), r.By, r.Note, r.OnTime))],
        s.NotReported, s.OverdueAt(nowUtc), s.Closed, s.Version);

    public static WhistleOrderDto ToDto(this WhistleView v, DateTime nowUtc) => new(v.Summary.ToDto(nowUtc), v.Place, v.IssuedBy,
        [.. v.History.Select(e => new WorkOrderEventDto(ShanghaiTime.Show(e.AtUtc), e.Actor, e.Action, e.Detail))]);

    public static string NewId(TimeProvider clock) =>
        $"WH{ShanghaiTime.DateOf(clock.GetUtcNow().UtcDateTime):yyyyMMdd}-{Guid.NewGuid():N}"[..21];
}
