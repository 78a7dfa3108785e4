using Grid.Contracts;
using Grid.Gateway.Apis.Audit;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Apis.Dispatch;
using Grid.Gateway.Apis.Evaluations;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Common;

namespace Grid.Gateway.Apis.Exports;

/// <summary>
/// The lists people work from as XLSX or CSV (UTF-8 with BOM), Chinese headers (the English field each
/// stands for is in docs/exports.md): the task board, statistics and the audit search. Each export is
/// the same query as its list, with the same access; the residents' export is ResidentImportApi's.
/// </summary>
public static class ExportsApi
{
    private static readonly string[] TaskStaff = [Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks/export", ExportTasks).WithTags("Tasks").WithName("ExportTasks").RequireAuthorization(p => p.RequireRole(TaskStaff))
            .Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The open tasks of a region as XLSX or CSV; overdue=true exports the overdue board.");
        app.MapGet("/api/statistics/{dimension}/{key}/export", ExportStatistics).WithTags("Statistics").WithName("ExportEvaluationStatistics")
            .RequireAuthorization(p => p.RequireRole(EvaluationMapping.StaffRoles)).Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The statistics of a worker, item or region over [from, to] as XLSX or CSV.");
        app.MapGet("/api/admin/audit/export", ExportAudit).WithTags("Admin").WithName("ExportAudit").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The audit search (subject, actor, at most 31 days) as XLSX or CSV, newest first.");
    }

    public static async Task<IResult> ExportTasks(AccessService access, IGrainFactory grains, TimeProvider clock, string? region, string? format, bool overdue = false)
    {
        var kind = Sheets.Format(format);
        var tasks = await TasksApi.OpenTasksAsync(access, grains, clock, region, overdue, null);
        return Sheets.Download(tasks.Select(t => new Dictionary<string, object?>
        {
            ["任务编号"] = t.Id, ["类型"] = t.Kind.ToString(), ["阶段"] = t.Stage.ToString(), ["紧急程度"] = t.Urgency.ToString(),
            ["居民编号"] = t.ResidentId, ["网格"] = t.GridId, ["事项编码"] = t.ItemCode, ["网格员"] = t.WorkerId ?? "",
            ["承诺时间"] = t.PromisedBy.ToString("yyyy-MM-dd HH:mm"), ["是否超时"] = t.Overdue ? "是" : "否", ["升级次数"] = t.EscalationLevel,
        }), kind, overdue ? "overdue-tasks" : "open-tasks");
    }

    public static async Task<IResult> ExportStatistics(string dimension, string key, DateOnly? from, DateOnly? to, string? format,
        AccessService access, IGrainFactory grains, TimeProvider clock, bool excludeFlagged = false)
    {
        var kind = Sheets.Format(format);
        var s = (await StatisticsApi.GetStatistics(dimension, key, from, to, access, grains, clock, excludeFlagged)).Value!;
        var row = new Dictionary<string, object?>
        {
            ["维度"] = s.Dimension, ["对象"] = s.Key, ["开始日期"] = s.From.ToString("yyyy-MM-dd"), ["结束日期"] = s.To.ToString("yyyy-MM-dd"), ["范围"] = s.Scope,
            ["服务次数"] = s.Services, ["评价次数"] = s.Evaluations, ["差评数"] = s.BadReviews, ["回访数"] = s.CalledBack,
            ["应整改数"] = s.RectificationsDue, ["按时整改数"] = s.RectifiedOnTime, ["作废数"] = s.Voided,
            ["满意率"] = s.SatisfactionRate, ["差评率"] = s.BadReviewRate, ["回访率"] = s.CallbackRate,
            ["按时整改率"] = s.OnTimeRectificationRate, ["平均办结小时"] = s.AverageHoursToComplete,
        };
        foreach (var (level, count) in s.Levels) row[$"评价:{level}"] = count;
        return Sheets.Download([row], kind, $"statistics-{s.Dimension}-{s.Key}");
    }

    public static async Task<IResult> ExportAudit(IAuditLog audit, IGrainFactory grains, TimeProvider clock, AccessService access,
        string? subject, string? actor, DateTimeOffset? from, DateTimeOffset? to, string? format)
    {
        var kind = Sheets.Format(format);
        var errors = new Dictionary<string, string[]>();
        var window = AuditApi.Window(clock, from, to, errors);
        if (errors.Count > 0) throw new ValidationException(errors);
        var entries = await AuditApi.EntriesAsync(audit, grains, subject, actor, window);
        await audit.WriteAsync((await access.CallerAsync()).Actor, "audit.export", "audit", "search", RegionCodes.City, $"{entries.Count} entries as {kind}");
        return Sheets.Download(entries.Select(e => new Dictionary<string, object?>
        {
            ["时间"] = e.At.ToString("yyyy-MM-dd HH:mm:ss"), ["操作人"] = e.Actor, ["角色"] = e.ActorRole, ["操作"] = e.Action,
            ["对象类型"] = e.SubjectType, ["对象编号"] = e.SubjectId, ["区域"] = e.RegionCode, ["说明"] = e.Details ?? "",
        }), kind, "audit");
    }
}
