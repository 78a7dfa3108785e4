using Grid.Contracts;

namespace Grid.Grains.Hotline;

/// <summary>One attribute a category asks for (Open311's service definition attribute).</summary>
public sealed record CategoryAttribute(string Code, string Description, bool Required, IReadOnlyList<string> Values);

/// <summary>A leaf of the hotline's category tree: its group, the grade it defaults to and what it asks.</summary>
public sealed record HotlineCategory(
    string Code, string Name, string Group, string Description, WorkOrderGrade DefaultGrade, IReadOnlyList<CategoryAttribute> Attributes);

/// <summary>
/// The category tree (group → leaf) intake classifies by, and the services Open311 lists. Codes are
/// stable: orders and statistics keep them.
/// </summary>
public static class HotlineCategories
{
    private static readonly CategoryAttribute Severity =
        new("severity", "How serious is it? 一般 / 较重 / 危险", false, ["一般", "较重", "危险"]);

    public static readonly IReadOnlyList<HotlineCategory> All =
    [
        new("road-damage", "道路破损", "城乡建设", "Potholes, broken pavement or kerbs on a road or street.", WorkOrderGrade.Request, [Severity]),
        new("streetlight", "路灯故障", "城乡建设", "A street light that is out or flickering.", WorkOrderGrade.Request, []),
        new("sanitation", "环境卫生", "生态环境", "Rubbish not collected, dumping, dirty public places.", WorkOrderGrade.Request, [Severity]),
        new("noise", "噪声扰民", "生态环境", "Noise from building sites, shops or neighbours.", WorkOrderGrade.Complaint, []),
        new("water-supply", "供水问题", "公用事业", "No water, low pressure or dirty water.", WorkOrderGrade.Request, [Severity]),
        new("social-security", "社保医保", "人社民政", "Questions on pensions, medical insurance, subsidies.", WorkOrderGrade.Consultation, []),
        new("service-complaint", "办事服务", "政务服务", "How a hall, window or official treated you.", WorkOrderGrade.Complaint, []),
        new("suggestion", "意见建议", "政务服务", "A suggestion for the city's services.", WorkOrderGrade.Suggestion, []),
    ];

    public static HotlineCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
