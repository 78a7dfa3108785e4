using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>A statistics answer as a one-row XLSX or CSV (docs/exports.md lists the columns).</summary>
public static class StatisticsExports
{
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
}
