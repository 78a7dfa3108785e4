using System.Text.Json.Nodes;

namespace Grid.Gateway.Tests.Access;

/// <summary>What the gateway must do with one malformed input.</summary>
public enum Expected
{
    /// <summary>A 4xx problem: the input cannot mean anything (broken JSON, a wrong type, an id that names nothing).</summary>
    Refusal,
    /// <summary>415: a body that is not JSON on a JSON route.</summary>
    UnsupportedMediaType,
    /// <summary>Any answer but a 5xx (a 4xx as a problem): the input is odd but may be valid (a far date, a negative number).</summary>
    NoFault,
}

/// <summary>
/// One malformed call of an operation: a path value, query value or body replaced by something a
/// careless or hostile client sends. <see cref="Body"/> null keeps the operation's valid example body.
/// </summary>
public sealed record MalformedInput(string Where, string What, Expected Expected,
    string? PathName = null, string? PathValue = null, string? QueryName = null, string? QueryValue = null,
    string? Body = null, string ContentType = "application/json", bool NoBody = false)
{
    public override string ToString() => $"{Where}: {What}";
}

/// <summary>
/// The malformed inputs of an operation, generated from its OpenAPI description: each path parameter,
/// each query parameter and each top-level body property, by its schema's type, and the body as a whole.
/// </summary>
public static class MalformedInputs
{
    /// <summary>100 KB: far above any field's limit, far below the request size limits.</summary>
    public static readonly string HundredKb = new('x', 100 * 1024);

    /// <summary>
    /// 8,000 characters in a URL part: Kestrel refuses request lines over 8 KB itself (414), so this is the
    /// longest a path or query value reaching the application can be.
    /// </summary>
    public static readonly string LongUrlPart = new('x', 8000);

    private static readonly (string What, string Value)[] Hostile =
    [
        ("path traversal", "../../../etc/passwd"),
        ("SQL text", "' OR '1'='1'; DROP TABLE GridGrainState; --"),
        ("script text", "<script>alert(1)</script>"),
    ];

    public static IEnumerable<MalformedInput> For(ApiOperation op, JsonNode? validBody)
    {
        foreach (var name in op.PathParameters)
        {
            foreach (var (what, value) in Hostile) yield return new($"path {{{name}}}", what, Expected.Refusal, PathName: name, PathValue: value);
            yield return new($"path {{{name}}}", "8,000 characters", Expected.Refusal, PathName: name, PathValue: LongUrlPart);
        }
        foreach (var (name, schema) in op.QueryParameters)
            foreach (var (what, value, expected) in QueryValues(op.Resolve(schema)))
                yield return new($"query {name}", what, expected, QueryName: name, QueryValue: value);
        if (!op.HasJsonBody) yield break;

        var bodySchema = op.BodySchema;
        var isArray = Types(bodySchema).Contains("array");
        yield return new("body", "broken JSON", Expected.Refusal, Body: "{\"a\": [1, 2");
        yield return new("body", "empty", Expected.Refusal, Body: "");
        yield return new("body", "JSON null", Expected.Refusal, Body: "null");
        yield return new("body", "a JSON string", Expected.Refusal, Body: "\"text\"");
        yield return new("body", isArray ? "an object for an array" : "an array for an object", Expected.Refusal, Body: isArray ? "{}" : "[]");
        yield return new("body", "text/plain", Expected.UnsupportedMediaType, Body: validBody?.ToJsonString() ?? "{}", ContentType: "text/plain");
        yield return new("body", "no body at all", Expected.Refusal, NoBody: true);
        if (isArray || bodySchema?["properties"] is not JsonObject properties) yield break;

        yield return new("body", "every field missing", Expected.NoFault, Body: "{}");
        var valid = validBody as JsonObject ?? [];
        var extra = (JsonObject)valid.DeepClone();
        extra["unexpectedField"] = HundredKb;
        yield return new("body", "an extra field", Expected.NoFault, Body: extra.ToJsonString());
        foreach (var (name, schema) in properties)
            foreach (var (what, value, expected) in BodyValues(op.Resolve(schema as JsonObject)))
            {
                var changed = (JsonObject)valid.DeepClone();
                changed[name] = value;
                yield return new($"body {name}", what, expected, Body: changed.ToJsonString());
            }
    }

    private static IEnumerable<(string, string, Expected)> QueryValues(JsonObject? schema)
    {
        var types = Types(schema);
        var format = schema?["format"]?.GetValue<string>();
        if (schema?["enum"] is not null) { yield return ("an unknown value", "NoSuchValue", Expected.Refusal); yield break; }
        if (types.Contains("integer"))
        {
            yield return ("text for a number", "abc", Expected.Refusal);
            yield return ("a fraction for an integer", "1.5", Expected.Refusal);
            yield return ("an overflowing integer", "99999999999999999999", Expected.Refusal);
            yield return ("a negative number", "-1", Expected.NoFault);
        }
        else if (types.Contains("number"))
        {
            yield return ("text for a number", "abc", Expected.Refusal);
            yield return ("NaN", "NaN", Expected.Refusal);
            yield return ("Infinity", "Infinity", Expected.Refusal);
            yield return ("a negative number", "-1", Expected.NoFault);
            yield return ("a huge number", "1e308", Expected.NoFault);
        }
        else if (types.Contains("boolean")) yield return ("text for a boolean", "maybe", Expected.Refusal);
        else if (format == "date")
        {
            yield return ("an impossible date", "2026-02-30", Expected.Refusal);
            yield return ("the last date", "9999-12-31", Expected.NoFault);
            yield return ("the first date", "0001-01-01", Expected.NoFault);
        }
        else if (format == "date-time")
        {
            yield return ("text for a time", "not-a-time", Expected.Refusal);
            yield return ("the last moment", "9999-12-31T23:59:59Z", Expected.NoFault);
        }
        else if (types.Contains("string"))
        {
            yield return ("8,000 characters", LongUrlPart, Expected.NoFault);
            foreach (var (what, value) in Hostile) yield return (what, value, Expected.NoFault);
        }
    }

    private static IEnumerable<(string, JsonNode?, Expected)> BodyValues(JsonObject? schema)
    {
        var types = Types(schema);
        var format = schema?["format"]?.GetValue<string>();
        if (schema?["enum"] is not null)
        {
            yield return ("an unknown name", "NoSuchValue", Expected.Refusal);
            yield return ("a number for a name", 999, Expected.Refusal);
            yield break;
        }
        if (types.Contains("integer"))
        {
            yield return ("text for a number", "abc", Expected.Refusal);
            yield return ("a fraction for an integer", 1.5, Expected.Refusal);
            yield return ("an overflowing integer", JsonNode.Parse("99999999999999999999"), Expected.Refusal);
            yield return ("NaN", "NaN", Expected.Refusal);
            yield return ("a negative number", -1, Expected.NoFault);
        }
        else if (types.Contains("number"))
        {
            yield return ("text for a number", "abc", Expected.Refusal);
            yield return ("NaN", "NaN", Expected.Refusal);
            yield return ("Infinity", "Infinity", Expected.Refusal);
            yield return ("a negative number", -1, Expected.NoFault);
            yield return ("a huge number", 1e308, Expected.NoFault);
        }
        else if (types.Contains("boolean")) yield return ("text for a boolean", "yes", Expected.Refusal);
        else if (types.Contains("array"))
        {
            yield return ("an object for an array", new JsonObject { ["not"] = "an array" }, Expected.Refusal);
            yield return ("an empty array", new JsonArray(), Expected.NoFault);
        }
        else if (types.Contains("object")) yield return ("a number for an object", 42, Expected.Refusal);
        else if (format is "date-time" or "date")
        {
            yield return ("text for a time", "not-a-time", Expected.Refusal);
            yield return ("a number for a time", 12345, Expected.Refusal);
            yield return ("the last moment", format == "date" ? "9999-12-31" : "9999-12-31T23:59:59+08:00", Expected.NoFault);
            yield return ("the first moment", format == "date" ? "0001-01-01" : "0001-01-01T00:00:00+00:00", Expected.NoFault);
        }
        else if (types.Contains("string"))
        {
            yield return ("a number for text", 12345, Expected.Refusal);
            yield return ("100 KB of text", HundredKb, Expected.Refusal);
            foreach (var (what, value) in Hostile) yield return (what, value, Expected.NoFault);
            if (types.Contains("null") is false) yield return ("null", null, Expected.NoFault);
        }
    }

    /// <summary>The schema's types ("type" as a name or a list, or the non-null branch of a oneOf), null left in.</summary>
    public static HashSet<string> Types(JsonObject? schema)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        switch (schema?["type"])
        {
            case JsonArray list: foreach (var t in list) set.Add(t!.GetValue<string>()); break;
            case JsonValue one: set.Add(one.GetValue<string>()); break;
        }
        if (schema?["properties"] is not null) set.Add("object");
        return set;
    }
}
