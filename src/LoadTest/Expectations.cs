namespace Grid.LoadTest;

/// <summary>
/// The one status each operation expects. Any other answer (a 4xx, a 503, no answer) is an error of
/// that operation: the API did not do what the load asked of it.
/// </summary>
public static class Expectations
{
    private static readonly Dictionary<string, int> Expected = new(StringComparer.Ordinal)
    {
        ["create-request"] = 201,
        ["create-work-order"] = 201,
        ["register-service"] = 201,
        ["evaluate"] = 201,
        ["tasks-mine"] = 200,
        ["task-accept"] = 200,
        ["task-check-in"] = 200,
        ["task-complete"] = 200,
        ["sign-in"] = 200,
        ["write-account"] = 200,
        ["schedule-deadline"] = 200,
        ["recount"] = 200,
    };

    /// <summary>Reads (read-*) expect 200; an operation the table does not name expects 200 too.</summary>
    public static int For(string operation) => Expected.GetValueOrDefault(operation, 200);

    public static bool IsExpected(string operation, int status) => status == For(operation);
}
