using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Grid.Contracts;
using Grid.Grains.Seeding;
using Grid.Testing;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Grid.Regions.Tests;

/// <summary>
/// A 10,000-row resident sheet with seeded bad rows: the dry run names exactly those rows and why,
/// the apply creates exactly the good ones (recounted through search), a second apply creates nothing,
/// and the export reads back as what was imported.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class ResidentImportTests(GatewayFactory gateway, ITestOutputHelper output)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task ATenThousandRowSheetReportsEverySeededBadRowAndAppliesTheRestOnce()
    {
        var places = await Places.LoadAsync(gateway);
        var grids = places.Model.RepresentativePoints.Keys.Where(g => g.StartsWith("421202001", StringComparison.Ordinal) && g.Length > 12).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(grids);
        var tag = ImportSheets.Tag();
        var rows = Enumerable.Range(0, 10_000).Select(i => ImportSheets.Row(tag, i, places.Inside(grids[i % grids.Count]))).ToList();
        // The seeded bad rows; a sheet row number is the index + 2 (the header is row 1).
        rows[100]["身份证号"] = ((string)rows[100]["身份证号"]!)[..17] + (((string)rows[100]["身份证号"]!)[17] == '1' ? "2" : "1");
        rows[2000]["姓名"] = "";
        (rows[5000]["纬度"], rows[5000]["经度"]) = (39.9, 116.4);
        rows[7000]["身份证号"] = rows[6999]["身份证号"];
        (rows[9999]["纬度"], rows[9999]["经度"]) = places.Inside(places.Other + "-G01");
        var expected = new[] { (102, "idNumber"), (2002, "name"), (5002, "homeLat"), (7002, "idNumber"), (10001, "village") };
        var sheet = ImportSheets.Xlsx(rows);

        var watch = Stopwatch.StartNew();
        var report = await ImportSheets.DryRunAsync(gateway, DemoAccounts.TownshipCoordinator, sheet, Xlsx);
        output.WriteLine($"dry run of {report.Rows} rows: {watch.Elapsed}");
        Assert.Equal(10_000, report.Rows);
        Assert.Equal(expected, report.Problems.Select(p => (p.Row, p.Field)).Order().ToArray());
        Assert.Contains("repeats row 7001", report.Problems.Single(p => p.Row == 7002).Message);
        Assert.Equal(9_995, report.Good);

        watch.Restart();
        var first = await ImportSheets.ApplyAsync(gateway, DemoAccounts.TownshipCoordinator, sheet, Xlsx);
        output.WriteLine($"apply: {watch.Elapsed}");
        Assert.Equal((10_000, 9_995, 0, 5), (first.Done, first.Created, first.Skipped, first.Failed));
        Assert.Equal(9_995, await ImportSheets.CountAsync(gateway, tag));

        var second = await ImportSheets.ApplyAsync(gateway, DemoAccounts.TownshipCoordinator, sheet, Xlsx);
        Assert.Equal((0, 9_995, 5), (second.Created, second.Skipped, second.Failed));
        Assert.Equal(9_995, await ImportSheets.CountAsync(gateway, tag));

        // The export (admin: every field in clear) reads back as the good rows imported.
        var exported = await ImportSheets.ExportAsync(gateway, DemoAccounts.Admin, Places.Township, "xlsx");
        var mine = exported.Where(r => r["姓名"].StartsWith(tag, StringComparison.Ordinal)).ToDictionary(r => r["身份证号"]);
        var good = rows.Where((_, i) => i is not (100 or 2000 or 5000 or 7000 or 9999)).ToList();
        Assert.Equal(good.Count, mine.Count);
        foreach (var row in good)
            foreach (var field in new[] { "姓名", "手机", "需求", "照护等级", "住址", "纬度", "经度", "同意范围" })
                Assert.Equal(ImportSheets.Text(row[field]), mine[(string)row["身份证号"]!][field]);
    }

    [Fact]
    public async Task ACentersCsvReadsAlikeWithOrWithoutABomAndImportsIntoItsOwnVillageOnly()
    {
        var places = await Places.LoadAsync(gateway);
        var tag = ImportSheets.Tag();
        var rows = new[] { places.V1 + "-G01", places.Other + "-G01", places.V1 + "-G01" }.Select((g, i) => ImportSheets.Row(tag, i, places.Inside(g))).ToList();
        rows[2]["手机"] = "2390000";
        var withBom = ImportSheets.Csv(rows, bom: true);
        Assert.Equal(0xEF, withBom[0]);

        foreach (var sheet in new[] { withBom, ImportSheets.Csv(rows, bom: false) })
        {
            var report = await ImportSheets.DryRunAsync(gateway, DemoAccounts.Center, sheet, "text/csv");
            Assert.Equal((3, 1), (report.Rows, report.Good));
            Assert.Equal(new[] { (3, "village"), (4, "phone") }, report.Problems.Select(p => (p.Row, p.Field)).ToArray());
        }
        var first = await ImportSheets.ApplyAsync(gateway, DemoAccounts.Center, withBom, "text/csv");
        Assert.Equal((true, 1, 0, 2), (first.Finished, first.Created, first.Skipped, first.Failed));
        var again = await ImportSheets.ApplyAsync(gateway, DemoAccounts.Center, ImportSheets.Csv(rows, bom: false), "text/csv");
        Assert.Equal((0, 1), (again.Created, again.Skipped));
        Assert.Equal(1, await ImportSheets.CountAsync(gateway, tag));
    }

    [Fact]
    public async Task ACoordinatorsCsvExportHasABomAndMasksIdNumbers()
    {
        var client = await Clients.ForAsync(gateway, DemoAccounts.TownshipCoordinator);
        var bytes = await client.GetByteArrayAsync($"/api/residents/export?region={Places.Township}&format=csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ImportSheets.Read(bytes, ExcelType.CSV);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("*", r["身份证号"]));
    }
}
