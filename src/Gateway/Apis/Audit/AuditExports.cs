using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Common;

namespace Grid.Gateway.Apis.Audit;

/// <summary>The audit search as XLSX or CSV, for administrators; the export itself is audited (a count).</summary>
public static class AuditExports
{
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
