using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>Files on an order: stored on disk by their SHA-256, metadata on the order, read back by those who may read the order.</summary>
[Collection(HotlineCollection.Name)]
public sealed class WorkOrderAttachmentTests(HotlineFactory gateway)
{
    private const string Wenquan = "421202001000";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(200)];

    [Fact]
    public async Task AnAttachedPhotoIsStoredByItsHashAndStreamedBackToAReaderWithAnAuditEntry()
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        Assert.Empty(order.Attachments ?? []); // precondition

        var response = await agent.PostAsync($"/api/hotline/orders/{order.Id}/attachments", File(Png, "image/png", "现场.png"));
        var attached = await response.ReadAsync<WorkOrderAttachmentDto>(HttpStatusCode.Created);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Png));
        Assert.Equal((sha, "image/png", (long)Png.Length, "现场.png", DemoAccounts.DataBureau), (attached.Sha256, attached.ContentType, attached.Size, attached.Name, attached.By));
        Assert.True(System.IO.File.Exists(Path.Combine(gateway.DataPath, "attachments", sha[..2], sha)));
        var reread = await agent.GetOrderAsync(order.Id);
        Assert.Equal(attached.Id, Assert.Single(reread.Attachments!).Id);
        Assert.Contains(reread.History, e => e.Action == "attached");
        await agent.DispatchAsync(order.Id, HandlingUnitKind.Region, Wenquan);
        var unit = await gateway.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var download = await unit.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var audit = await (await admin.GetAsync($"/api/admin/audit?subject={order.Id}&pageSize=200")).ReadAsync<Page<AuditEntryDto>>();
        Assert.Contains(audit.Items, e => e.Action == "workorder.attachment.read" && e.Actor == DemoAccounts.TownshipCoordinator);
        // A unit that cannot read the order cannot read its file.
        var other = await gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "plain")] // a type not accepted
    [InlineData("image/png", "jpeg")] // declared PNG, but the bytes are a JPEG's
    [InlineData("application/pdf", "plain")] // declared PDF, bytes not
    [InlineData("image/png", "big")] // over the size limit
    public async Task ABadTypeOrSizeIsAProblemAndNothingIsStored(string declared, string content)
    {
        var agent = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var order = await agent.IntakeAsync(Wenquan);
        var bytes = content switch
        {
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, .. RandomNumberGenerator.GetBytes(100)],
            "big" => [.. Png, .. new byte[10 * 1024 * 1024]],
            _ => RandomNumberGenerator.GetBytes(100),
        };
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var response = await agent.PostAsync($"/api/hotline/orders/{order.Id}/attachments", File(bytes, declared, "x.bin"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(System.IO.File.Exists(Path.Combine(gateway.DataPath, "attachments", sha[..2], sha)));
        Assert.Empty((await agent.GetOrderAsync(order.Id)).Attachments ?? []);
    }

    private static MultipartFormDataContent File(byte[] bytes, string type, string name)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }
}
