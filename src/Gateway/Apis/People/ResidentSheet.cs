using System.Globalization;
using Grid.Contracts;

namespace Grid.Gateway.Apis.People;

/// <summary>
/// The resident sheet: Chinese column headers (the English field of <see cref="ResidentRequest"/> is
/// accepted as a header too), one resident a row. Needs are separated by "、", "," or ";"; a consent
/// scope, when given, records consent. Family proxies are not imported (add them on the record).
/// </summary>
public static class ResidentSheet
{
    public static readonly (string Header, string Field)[] Columns =
    [
        ("姓名", "name"), ("身份证号", "idNumber"), ("手机", "phone"), ("需求", "needs"), ("照护等级", "careLevel"),
        ("住址", "address"), ("纬度", "homeLat"), ("经度", "homeLng"), ("同意范围", "consentScope"),
    ];

    /// <summary>The export adds where the resident was filed.</summary>
    public static readonly (string Header, string Field)[] Filed = [("编号", "id"), ("网格", "gridId"), ("村社区", "villageCode")];

    private static readonly char[] NeedSeparators = ['、', ',', '，', ';', '；', ' '];

    /// <summary>A data row: its number in the sheet (header = 1), the request, and what could not be read.</summary>
    public sealed record Row(int Number, ResidentRequest Request, Dictionary<string, string[]> Unreadable);

    /// <summary>The headers the sheet lacks (empty when every required one is there).</summary>
    public static IReadOnlyList<string> MissingHeaders(IReadOnlyDictionary<string, string> first) =>
        [.. Columns.Where(c => c.Field != "consentScope" && !first.ContainsKey(c.Header) && !first.ContainsKey(c.Field)).Select(c => $"{c.Header} ({c.Field})")];

    public static Row Parse(int number, IReadOnlyDictionary<string, string> cells)
    {
        var unreadable = new Dictionary<string, string[]>();
        string Cell(string field)
        {
            var (header, _) = Columns.First(c => c.Field == field);
            return cells.GetValueOrDefault(header) is { Length: > 0 } v ? v : cells.GetValueOrDefault(field) ?? "";
        }
        double Number(string field)
        {
            if (double.TryParse(Cell(field), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            unreadable[field] = [$"'{Cell(field)}' is not a number of degrees (WGS84), e.g. 29.85."];
            return 0;
        }
        var careLevel = int.TryParse(Cell("careLevel"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 0;
        if (careLevel == 0 && Cell("careLevel") is { Length: > 0 } raw && raw != "0") unreadable["careLevel"] = [$"'{raw}' is not a care level (1, 2 or 3)."];
        var scope = Cell("consentScope");
        var request = new ResidentRequest(Cell("name"), Cell("idNumber"), Cell("phone"),
            Cell("needs").Split(NeedSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), careLevel,
            Number("homeLat"), Number("homeLng"), Cell("address"), [], scope.Length == 0 ? null : new ConsentRequest(true, scope));
        return new Row(number, request, unreadable);
    }

    /// <summary>A resident as an exported row (already masked for the caller), columns in sheet order.</summary>
    public static IDictionary<string, object?> ToRow(ResidentDto r) => new Dictionary<string, object?>
    {
        ["编号"] = r.Id, ["姓名"] = r.Name, ["身份证号"] = r.IdNumber, ["手机"] = r.Phone, ["需求"] = string.Join("、", r.Needs),
        ["照护等级"] = r.CareLevel, ["住址"] = r.Address, ["纬度"] = r.HomeLat, ["经度"] = r.HomeLng,
        ["同意范围"] = r.Consent is { Given: true } c ? c.Scope : "", ["网格"] = r.GridId, ["村社区"] = r.VillageCode,
    };
}
