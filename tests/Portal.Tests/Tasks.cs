using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Portal.Tests;

/// <summary>Test data through the API: requests taken on the hotline and moved to the worker the test drives.</summary>
public static class Tasks
{
    public static async Task<string> OfferedToAsync(HttpClient center, HttpClient coordinator, string residentId, string workerId)
    {
        var dto = await Requests.FileAsync(center, residentId, note: "browser test");
        if (dto.WorkerId != workerId) await MoveAsync(coordinator, dto.Id, workerId);
        return dto.Id;
    }

    public static async Task MoveAsync(HttpClient coordinator, string taskId, string workerId)
    {
        var moved = await coordinator.PostAsJsonAsync($"/api/tasks/{taskId}/reassign",
            new TaskActionDto(ActionId: Guid.NewGuid().ToString("N"), WorkerId: workerId, Reason: "test setup"), Json.Options);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
    }

    public static async Task<TaskDto> GetAsync(HttpClient client, string taskId) =>
        (await client.GetFromJsonAsync<TaskDto>($"/api/tasks/{taskId}", Json.Options))!;
}
