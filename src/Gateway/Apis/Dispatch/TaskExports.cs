using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>The task board as XLSX or CSV (docs/exports.md lists the columns): the same query and access as GET /api/tasks.</summary>
public static class TaskExports
{
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
}
