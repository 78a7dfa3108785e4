namespace Grid.Grains.Dispatch;

/// <summary>What dispatch needs of a catalog service item (服务事项).</summary>
public sealed record ServiceItemInfo(string Code, string Name, IReadOnlyList<string> Skills);

/// <summary>
/// How dispatch looks up a service item by code. The default is <see cref="CatalogServiceItemLookup"/>
/// (the catalog's item and its required skills); <see cref="ProvisionalServiceItemLookup"/>, which
/// accepts any well-formed code, is kept for running dispatch without a catalog. Another
/// implementation registered before AddGridDispatch wins; returning null makes the request a 400
/// naming itemCode.
/// </summary>
public interface IServiceItemLookup
{
    Task<ServiceItemInfo?> FindAsync(string code);
}

/// <summary>Knows a few common items' skills; any other well-formed code is accepted with no skills of its own (the request's skills still apply).</summary>
public sealed class ProvisionalServiceItemLookup : IServiceItemLookup
{
    private static readonly Dictionary<string, ServiceItemInfo> Known = new(StringComparer.Ordinal)
    {
        ["care-visit"] = new("care-visit", "关爱走访", []),
        ["social-insurance-certification"] = new("social-insurance-certification", "养老保险待遇资格认证", ["social-insurance"]),
        ["medical-insurance-reimbursement"] = new("medical-insurance-reimbursement", "医疗费用报销", ["medical-insurance"]),
        ["disability-subsidy"] = new("disability-subsidy", "残疾人两项补贴申请", ["disability"]),
        ["minimum-living-allowance"] = new("minimum-living-allowance", "最低生活保障申请", ["civil-affairs"]),
    };

    public Task<ServiceItemInfo?> FindAsync(string code) => Task.FromResult<ServiceItemInfo?>(
        Known.TryGetValue(code, out var item) ? item
        : IsWellFormed(code) ? new ServiceItemInfo(code, code, []) : null);

    public static bool IsWellFormed(string code) =>
        code.Length is >= 2 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
