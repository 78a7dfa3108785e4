using System.Net.Http.Json;
using Grid.Contracts;
using Xunit;

namespace Grid.Testing;

/// <summary>Assisted-agency requests filed through the API, as a hotline operator or a center would.</summary>
public static class Requests
{
    public const string ItemCode = "JY-GF-001";

    /// <summary>Files a request for the resident (a fresh Idempotency-Key each time) and returns the task's id.</summary>
    public static async Task<RequestDto> FileAsync(HttpClient client, string residentId, Urgency urgency = Urgency.Routine, string note = "test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new CreateRequestDto(residentId, ItemCode, Urgency: urgency, Note: note), options: Json.Options),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var created = await client.SendAsync(request);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<RequestDto>(Json.Options))!;
    }
}
