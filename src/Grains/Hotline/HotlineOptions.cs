using Grid.Contracts;

namespace Grid.Grains.Hotline;

/// <summary>The "Grid:Hotline" configuration section: the national time limits (国办发〔2020〕53号), in working days.</summary>
public sealed class HotlineOptions
{
    public int SignForDays { get; set; } = 1;
    public int ConsultationDays { get; set; } = 2;
    public int RequestDays { get; set; } = 5;
    public int MaxExtensionDays { get; set; } = 10;

    /// <summary>
    /// Drills and tests: in these regions (code → minutes) a working day lasts that many minutes, so a
    /// supervision can be watched firing. Empty in production.
    /// </summary>
    public Dictionary<string, double> DrillMinutesPerWorkingDay { get; set; } = [];

    public int AnswerDays(WorkOrderGrade grade) => grade == WorkOrderGrade.Consultation ? ConsultationDays : RequestDays;

    public double? DrillMinutesFor(string? regionCode) =>
        regionCode is null ? null
        : DrillMinutesPerWorkingDay.Where(r => RegionCodes.Contains(r.Key, regionCode))
            .OrderByDescending(r => RegionCodes.PrefixOf(r.Key).Length)
            .Select(r => (double?)r.Value).FirstOrDefault();
}
