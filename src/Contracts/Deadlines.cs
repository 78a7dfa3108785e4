namespace Grid.Contracts;

/// <summary>An administrator schedules a probe deadline to check the reminder service.</summary>
public sealed record ScheduleDeadlineRequest(string Id, DateTimeOffset DueAt, string Kind);

/// <summary>A durable deadline and whether it has fired.</summary>
public sealed record DeadlineDto(string Id, string Kind, DateTimeOffset DueAt, string Status, DateTimeOffset? FiredAt);
