namespace Grid.Planning;

/// <summary>Input that does not follow the planning formats; the message says what and where.</summary>
public sealed class PlanningFormatException(string message, Exception? inner = null) : FormatException(message, inner);
