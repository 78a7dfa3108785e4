namespace Grid.Planning.Solver;

internal static class Schedule
{
    /// <summary>Slack for floating-point noise; far below the validator's tolerance.</summary>
    public const double Eps = 1e-7;
}
