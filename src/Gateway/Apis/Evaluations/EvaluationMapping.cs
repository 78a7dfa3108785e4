using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Common;
using Grid.Grains.Evaluations;

namespace Grid.Gateway.Apis.Evaluations;

internal static class EvaluationMapping
{
    public static readonly string[] StaffRoles = [Roles.CenterStaff, Roles.Worker, Roles.Coordinator, Roles.Department, Roles.DataBureau, Roles.Admin];

    public static ServiceRecordDto ToDto(this ServiceRecordView v) => new(
        v.Record.Id, v.Record.Kind, v.Record.StaffId, v.Record.StaffName, v.Record.ItemCode, v.Record.ItemName,
        v.Record.VillageCode, v.Record.HandledByUnitCode, v.Record.HandledByUnitName,
        v.Record.StartedAtUtc is { } s ? ShanghaiTime.Show(s) : null, ShanghaiTime.Show(v.Record.CompletedAtUtc),
        v.Record.ResidentId, v.Record.SourceId, v.Evaluation?.ToDto());

    public static EvaluationDto ToDto(this EvaluationInfo e) => new(
        e.RecordId, e.Overall, e.Overall.IsBad(),
        new IndicatorRatingsDto(e.Indicators.Efficiency, e.Indicators.Attitude, e.Indicators.GuideAccuracy, e.Indicators.Convenience),
        e.Comment, e.Channel, ShanghaiTime.Show(e.EvaluatedAtUtc),
        e.Overall.IsBad() ? $"/api/rectifications/{Uri.EscapeDataString(e.RecordId)}" : null,
        e.EnteredBy, e.EnteredByRole, e.Flagged, e.Flag);

    public static IndicatorRatings ToModel(this IndicatorRatingsDto? d) => new(d?.Efficiency, d?.Attitude, d?.GuideAccuracy, d?.Convenience);

    public static RectificationDto ToDto(this RectificationInfo i) => new(
        i.RecordId, i.Version, i.Status, i.Level, i.Comment, i.ItemCode, i.ItemName,
        i.VillageCode, i.HandledByUnitCode, i.HandledByUnitName, i.ResponsibleRegion, i.Escalations,
        ShanghaiTime.Show(i.OpenedAtUtc), ShanghaiTime.Show(i.DueUtc), Show(i.CurrentDueUtc), i.DeadlineRule, i.Overdue,
        Show(i.ResolvedAtUtc), i.ResolvedOnTime, i.ReRating,
        i.Appeal is { } a ? new AppealDto(a.Reason, a.Statement, a.FiledBy, ShanghaiTime.Show(a.FiledAtUtc),
            a.Upheld, a.DecidedBy, Show(a.DecidedAtUtc), a.DecisionNote) : null,
        i.Steps.Select(s => new RectificationStepDto(s.Kind.ToString(), ShanghaiTime.Show(s.AtUtc), s.By, s.Note, s.Evidence)).ToList());

    public static RectificationSummaryDto ToDto(this RectificationSummary s) => new(
        s.RecordId, s.Status, s.Level, s.ItemName, s.VillageCode, s.HandledByUnitCode,
        s.ResponsibleRegion, s.Escalations, ShanghaiTime.Show(s.OpenedAtUtc), ShanghaiTime.Show(s.DueUtc), Show(s.CurrentDueUtc),
        s.Overdue, s.AppealPending);

    private static DateTimeOffset? Show(DateTime? utc) => utc is { } u ? ShanghaiTime.Show(u) : null;
}
