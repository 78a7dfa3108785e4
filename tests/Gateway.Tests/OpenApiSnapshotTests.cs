using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>
/// The HTTP contract changes only on purpose: /openapi/v1.json must equal the committed snapshot.
/// After a deliberate change (or a merge), refresh it with
///   UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Gateway.Tests --filter FullyQualifiedName~OpenApiSnapshot
/// and commit tests/Gateway.Tests/OpenApiSnapshot/v1.json with the change.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OpenApiSnapshotTests(GatewayFactory gateway)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task OpenApiDocumentMatchesTheCommittedSnapshot()
    {
        var actual = await CurrentAsync();
        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}. Create it: UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Gateway.Tests --filter FullyQualifiedName~OpenApiSnapshot");
        var expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.True(expected == actual, "The OpenAPI document differs from tests/Gateway.Tests/OpenApiSnapshot/v1.json:\n"
            + Diff(expected, actual) + "\nIf the change is deliberate, refresh the snapshot: "
            + "UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Gateway.Tests --filter FullyQualifiedName~OpenApiSnapshot");
    }

    [Fact]
    public async Task TaskStepsDocumentTheirBodyAndAnswer()
    {
        var doc = JsonNode.Parse(await CurrentAsync())!;
        var steps = new[] { "accept", "decline", "check-in", "complete", "fail", "cancel", "reassign" };

        Assert.All(steps, step =>
        {
            var post = doc["paths"]?[$"/api/tasks/{{id}}/{step}"]?["post"];
            Assert.True(post is not null, $"POST /api/tasks/{{id}}/{step} is not documented");
            var body = post["requestBody"]?["content"]?["application/json"]?["schema"]?.ToJsonString() ?? "";
            Assert.Contains("TaskActionDto", body, StringComparison.Ordinal);
            Assert.Contains("TaskDto", post["responses"]?["200"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        });
    }

    private async Task<string> CurrentAsync()
    {
        var node = JsonNode.Parse(await gateway.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        node.Remove("servers"); // the test host's address, not part of the contract
        return node.ToJsonString(Pretty).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The first differing lines with a little context: enough to see what changed.</summary>
    private static string Diff(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        var from = Math.Max(0, first - 3);
        var lines = Enumerable.Range(from, 12).SelectMany(i => new[]
        {
            i < e.Length ? $"- {i + 1,5}: {e[i]}" : null,
            i < a.Length ? $"+ {i + 1,5}: {a[i]}" : null,
        }).OfType<string>();
        return $"first difference at line {first + 1} (snapshot {e.Length} lines, now {a.Length}):\n" + string.Join('\n', lines);
    }

    private static string SnapshotPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "OpenApiSnapshot", "v1.json");
}
