using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Seeding;
using Grid.Testing;
using MiniExcelLibs;

namespace Grid.Regions.Tests;

/// <summary>Resident sheets made by the tests, and the import and export calls through the HTTP pipeline.</summary>
public static class ImportSheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Rows as UTF-8 CSV, with or without a BOM.</summary>
    public static byte[] Csv(IReadOnlyList<Dictionary<string, object?>> rows, bool bom)
    {
        var lines = rows.Select(r => string.Join(",", r.Values.Select(Text))).Prepend(string.Join(",", rows[0].Keys));
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }

    /// <summary>A name prefix (and birth date) that is this test run's own.</summary>
    public static string Tag() => "导入" + Guid.NewGuid().ToString("N")[..6];

    public static Dictionary<string, object?> Row(string tag, int i, (double Lat, double Lng) home)
    {
        // A birth date from the tag and the index keeps every ID number of the sheet distinct and this run's own.
        var born = new DateOnly(1930, 1, 1).AddDays(Math.Abs(tag.GetHashCode() % 5000) + i / 900);
        var first17 = $"421202{born:yyyyMMdd}{i % 900 + 100:000}";
        return new()
        {
            ["姓名"] = $"{tag}{i}", ["身份证号"] = first17 + IdNumbers.CheckDigit(first17), ["手机"] = $"139{i:00000000}",
            ["需求"] = i % 2 == 0 ? "Aged" : "LivingAlone、Disabled", ["照护等级"] = i % 3 + 1, ["住址"] = $"咸安区导入路{i}号",
            ["纬度"] = home.Lat, ["经度"] = home.Lng, ["同意范围"] = i % 4 == 0 ? "assisted-agency" : "",
        };
    }

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static List<Dictionary<string, string>> Read(byte[] bytes, ExcelType type) =>
        [.. new MemoryStream(bytes).Query(useHeaderRow: true, excelType: type)
            .Cast<IDictionary<string, object?>>().Select(r => r.ToDictionary(c => c.Key, c => Text(c.Value)))];

    public static async Task<ImportReportDto> DryRunAsync(GatewayFactory gateway, string user, byte[] sheet, string type)
    {
        var response = await PostAsync(gateway, user, "/api/residents/import/dry-run", sheet, type);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ImportReportDto>();
    }

    /// <summary>Applies the sheet and polls the job until it is finished.</summary>
    public static async Task<ImportJobDto> ApplyAsync(GatewayFactory gateway, string user, byte[] sheet, string type)
    {
        var response = await PostAsync(gateway, user, "/api/residents/import", sheet, type);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var client = await Clients.ForAsync(gateway, user);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var job = (await client.GetFromJsonAsync<ImportJobDto>(response.Headers.Location!.OriginalString, Json.Options))!;
            if (job.Finished || DateTime.UtcNow > deadline) return job;
            await Task.Delay(200);
        }
    }

    public static async Task<long> CountAsync(GatewayFactory gateway, string tag)
    {
        var client = await Clients.ForAsync(gateway, DemoAccounts.TownshipCoordinator);
        var page = (await client.GetFromJsonAsync<Page<ResidentSummaryDto>>($"/api/residents?name={Uri.EscapeDataString(tag)}&pageSize=1", Json.Options))!;
        return page.Total;
    }

    public static async Task<List<Dictionary<string, string>>> ExportAsync(GatewayFactory gateway, string user, string region, string format)
    {
        var client = await Clients.ForAsync(gateway, user);
        var bytes = await client.GetByteArrayAsync($"/api/residents/export?region={region}&format={format}");
        return Read(bytes, format == "csv" ? ExcelType.CSV : ExcelType.XLSX);
    }

    public static async Task<HttpResponseMessage> PostAsync(GatewayFactory gateway, string user, string url, byte[] body, string type)
    {
        var client = await Clients.ForAsync(gateway, user);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await client.PostAsync(url, content);
    }
}
