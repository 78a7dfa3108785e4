namespace Grid.Contracts;

/// <summary>吹哨派单 (Art. 31): a township summons departments to report in (报到) within working days.</summary>
public sealed record IssueWhistleOrderRequest(string TownshipCode, string Matter, string Place, IReadOnlyList<string> Departments, int WorkingDays);

/// <summary>A department reports in with what it found or will do; a department reports only for itself.</summary>
public sealed record WhistleReportInRequest(string Department, string Note);

public sealed record CloseWhistleOrderRequest(string? Note);

public sealed record WhistleReportDto(string Department, DateTimeOffset At, string By, string Note, bool OnTime);

/// <summary>A whistle order on a board: who reported (on time or late), who has not, and who is overdue (not reported after the due instant).</summary>
public sealed record WhistleSummaryDto(
    string Id, string TownshipCode, string Matter, IReadOnlyList<string> Departments, DateTimeOffset IssuedAt, DateTimeOffset ReportDue,
    IReadOnlyList<WhistleReportDto> Reports, IReadOnlyList<string> NotReported, IReadOnlyList<string> Overdue, bool Closed, int Version);

public sealed record WhistleOrderDto(WhistleSummaryDto Order, string Place, string IssuedBy, IReadOnlyList<WorkOrderEventDto> History);
