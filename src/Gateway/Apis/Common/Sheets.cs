using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using Grid.Grains.Common;
using Microsoft.OpenApi;

namespace Grid.Gateway.Apis.Common;

/// <summary>
/// Spreadsheets in and out (MiniExcel): an uploaded XLSX or CSV (UTF-8, BOM or not) read as rows of
/// header → text, and lists written as XLSX or as CSV with a UTF-8 BOM so that Excel reads the Chinese.
/// </summary>
public static class Sheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv";
    public const long MaxUploadBytes = 16 * 1024 * 1024;
    public const int MaxRows = 20_000;

    private const string CsvExample = "姓名,身份证号,手机,需求,照护等级,住址,纬度,经度,同意范围\r\n张桂兰,421202194501011236,13900001111,Aged、LivingAlone,2,咸安区温泉路1号,29.8461,114.3225,assisted-agency\r\n";

    /// <summary>
    /// Documents the body as an XLSX or CSV file. Not <c>Accepts</c>: that makes routing answer 415 before
    /// authorization, so a stranger would hear 415, not 401; the handler checks the type itself.
    /// </summary>
    public static RouteHandlerBuilder AcceptsSheet(this RouteHandlerBuilder route) => route.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        var csv = new OpenApiMediaType { Schema = schema, Example = System.Text.Json.Nodes.JsonValue.Create(CsvExample) };
        var xlsx = new OpenApiMediaType { Schema = schema, Example = System.Text.Json.Nodes.JsonValue.Create("(an .xlsx workbook: the first sheet, with the columns of the CSV example)") };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The sheet: XLSX, or CSV in UTF-8 (with or without BOM); the first row holds the column headers.",
            Content = new Dictionary<string, OpenApiMediaType> { [XlsxType] = xlsx, [CsvType] = csv },
        };
        return Task.CompletedTask;
    });

    /// <summary>Reads the request body; a 400/415 problem (as an exception) when it is not a sheet or too big.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ReadAsync(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not (XlsxType or CsvType))
            throw new UnsupportedSheetException($"Send the file as {XlsxType} (XLSX) or {CsvType} (CSV, UTF-8).");
        if (request.ContentLength > MaxUploadBytes) throw ValidationException.For("file", $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; split it.");
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (body.Length == 0 || body.Length > MaxUploadBytes) throw ValidationException.For("file", "Send a non-empty file of at most 16 MB.");
        body.Position = 0;
        var xlsx = type == XlsxType;
        if (xlsx && !(body.Length > 4 && body.GetBuffer()[0] == 'P' && body.GetBuffer()[1] == 'K'))
            throw ValidationException.For("file", "The file is not an XLSX workbook; save it as .xlsx or send CSV as text/csv.");
        try
        {
            var rows = new List<IReadOnlyDictionary<string, string>>();
            foreach (IDictionary<string, object?> row in body.Query(useHeaderRow: true, excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV))
            {
                if (rows.Count == MaxRows) throw ValidationException.For("file", $"A file holds at most {MaxRows} rows; split it.");
                rows.Add(row.ToDictionary(c => c.Key.Trim(), c => Text(c.Value), StringComparer.Ordinal));
            }
            return rows;
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            throw ValidationException.For("file", "The file could not be read as a sheet with a header row; check that it is a valid XLSX or UTF-8 CSV.");
        }
    }

    /// <summary>Rows (column → value, in column order) as a download in <paramref name="format"/> ("csv" or "xlsx").</summary>
    public static IResult Download(IEnumerable<IDictionary<string, object?>> rows, string format, string name)
    {
        var stream = new MemoryStream();
        if (format == "csv")
        {
            var config = new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) };
            stream.SaveAs(rows, excelType: ExcelType.CSV, configuration: config);
        }
        else stream.SaveAs(rows, excelType: ExcelType.XLSX, sheetName: name);
        return TypedResults.File(stream.ToArray(), format == "csv" ? CsvType + "; charset=utf-8" : XlsxType, $"{name}.{format}");
    }

    /// <summary>The format asked for: "csv" or "xlsx" (the default); anything else is a 400.</summary>
    public static string Format(string? format) => (format?.Trim().ToLowerInvariant() ?? "xlsx") switch
    {
        "csv" => "csv",
        "xlsx" => "xlsx",
        _ => throw ValidationException.For("format", "Use format=csv or format=xlsx."),
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}

/// <summary>The body is not a spreadsheet type the route reads (415).</summary>
public sealed class UnsupportedSheetException(string message) : Exception(message);
