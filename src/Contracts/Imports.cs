namespace Grid.Contracts;

/// <summary>One problem of an uploaded row: the sheet's row number (the header is row 1), the field and why.</summary>
public sealed record ImportProblemDto(int Row, string Field, string Message);

/// <summary>A dry run: how many data rows, how many would be applied, and every problem found.</summary>
public sealed record ImportReportDto(int Rows, int Good, IReadOnlyList<ImportProblemDto> Problems);

/// <summary>An apply under way or done: rows done of total; created, skipped (already there) and failed.</summary>
public sealed record ImportJobDto(string JobId, int Total, int Done, int Created, int Skipped, int Failed, bool Finished);
