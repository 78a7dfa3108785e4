namespace Grid.Planning;

/// <summary>How long and how to search. MaxIterations, when set, makes the result depend on the seed alone.</summary>
public sealed record PlannerOptions(TimeSpan Budget, int Seed = 1, long? MaxIterations = null);
