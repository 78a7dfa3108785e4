using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Testing;

namespace Grid.Catalog.Tests;

/// <summary>Fresh items and guides so tests never share data.</summary>
internal static class TestData
{
    public const string City = "421200000000";
    public const string Xianan = "421202000000";

    public static string NewCode(string prefix = "T") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static ServiceItem Item(string code, string department = "民政局", string name = "测试津贴申领") => new(
        code, name, ServiceItemType.AdministrativePayment, null, department, "《湖北省老年人权益保障条例》", "县(市、区)民政局",
        "年满80周岁的本地户籍老年人", 0, "按月发放津贴", "无数量限制", new TimeLimit(20, TimeLimitUnit.WorkingDays),
        new TimeLimit(15, TimeLimitUnit.WorkingDays), ["受理", "审核", "审批", "办结"], [ServiceLevel.County, ServiceLevel.Township], ["elderly-care"]);

    public static GuideMaterial Material(string name, bool required = true, bool exempt = false, MaterialSource source = MaterialSource.Applicant, int copies = 1) =>
        new(name, MaterialType.Original, source, copies, "A4", "信息完整、真实有效", false, exempt, required);

    public static ServiceGuide Guide(params GuideMaterial[] materials) => new(materials, "温泉街道便民服务中心", "0715-12345",
        "咸宁市12345热线", [new GuideFaq("可以代办吗?", "可以,由网格员帮办。")], [new GuideSample("申请表示范", SampleKind.ExampleText, "/samples/x.pdf")],
        "带上申请表到便民服务中心即可。", null, null);

    public static HttpRequestMessage Put<T>(string url, T body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return request;
    }

    public static string ItemUrl(string region, string code) => $"/api/catalog/regions/{region}/items/{code}";

    public static async Task<ServiceItemVersion> CreateItemAsync(HttpClient client, string region, ServiceItem item)
    {
        var response = await client.SendAsync(Put(ItemUrl(region, item.Code), new { item, reason = "新增事项" }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ServiceItemVersion>(Json.Options))!;
    }

    public static async Task CreateGuideAsync(HttpClient client, string region, string code, ServiceGuide guide)
    {
        var response = await client.SendAsync(Put(ItemUrl(region, code) + "/guide", new { guide, reason = "编制办事指南" }));
        response.EnsureSuccessStatusCode();
    }
}
