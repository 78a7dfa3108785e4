using Grid.Contracts;

namespace Grid.Grains.Hotline;

/// <summary>The "Grid:Hotline" configuration section: the national time limits (国办发〔2020〕53号), in working days.</summary>
public sealed class HotlineOptions
{
    public int SignForDays { get; set; } = 1;
    public int ConsultationDays { get; set; } = 2;
    public int RequestDays { get; set; } = 5;
    public int MaxExtensionDays { get; set; } = 10;

    /// <summary>Duplicates proposed at intake: open orders received this many days either side of the new one.</summary>
    public int DuplicateWindowDays { get; set; } = 3;

    /// <summary>"The same place": the same grid, or points at most this far apart.</summary>
    public double DuplicateRadiusMeters { get; set; } = 200;

    /// <summary>The key of the caller-phone hash; set it per deployment (a phone number alone is easy to guess from its hash).</summary>
    public string CallerHashKey { get; set; } = "grid-hotline-caller";

    /// <summary>The largest attachment accepted, in bytes.</summary>
    public long AttachmentMaxBytes { get; set; } = 10 * 1024 * 1024;

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
