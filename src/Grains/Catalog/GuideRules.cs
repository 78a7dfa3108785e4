using Grid.Grains.Common;

namespace Grid.Grains.Catalog;

/// <summary>
/// Art. 14: a guide lists each material fully, gives place, phone and complaint address, has no
/// catch-all clause, and never requires a material marked 免提交 or one the platform obtains by
/// data sharing.
/// </summary>
public static class GuideRules
{
    /// <summary>Certificates the platform fetches from other departments' systems by data sharing.</summary>
    public static readonly IReadOnlySet<string> SharedData = new HashSet<string>(StringComparer.Ordinal)
    {
        "居民户口簿", "户口簿", "居民身份证", "身份证", "社会保障卡", "残疾人证", "结婚证", "离婚证",
        "出生医学证明", "死亡医学证明", "最低生活保障证", "特困人员救助供养证", "不动产权证书",
    };

    public static bool ObtainableByDataSharing(GuideMaterial m) =>
        m.Source == MaterialSource.DataSharing || SharedData.Contains(Normalize(m.Name));

    public static string Normalize(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)))
        .Replace("（复印件）", "").Replace("(复印件)", "").Replace("（原件）", "").Replace("(原件)", "").Replace("复印件", "");

    public static void Validate(ServiceGuide? guide)
    {
        if (guide is null) throw ValidationException.For("guide", "Send the service guide as JSON.");
        var errors = new Dictionary<string, string[]>();
        if (guide.Materials is not { Count: > 0 }) errors["materials"] = ["List the materials (申请材料); a material may be marked exempt but must be listed."];
        for (var i = 0; i < (guide.Materials?.Count ?? 0); i++)
        {
            var m = guide.Materials![i];
            var field = $"materials[{i}]";
            if (m is null || string.IsNullOrWhiteSpace(m.Name)) { errors[field] = ["Name the material."]; continue; }
            if (m.Name.Contains("其他") || m.Name.Contains("相关材料") || m.Name.EndsWith('等'))
                errors[field] = [$"'{m.Name}' is a catch-all clause (兜底条款); name each material exactly."];
            else if (m.Required && m.Exempt)
                errors[field] = [$"'{m.Name}' is marked exempt from submission (免提交) on the provincial portal; a guide may not require it. List it as not required."];
            else if (m.Required && ObtainableByDataSharing(m))
                errors[field] = [$"'{m.Name}' can be obtained by data sharing; a guide may not require the applicant to submit it. List it as not required."];
            else if (m.Copies is < 0 or > 20) errors[field] = [$"'{m.Name}': copies must be 0–20."];
            else if (string.IsNullOrWhiteSpace(m.Format) || string.IsNullOrWhiteSpace(m.AcceptanceStandard))
                errors[field] = [$"'{m.Name}': give its format (规格) and acceptance standard (受理标准)."];
            else if (!Enum.IsDefined(m.Type) || !Enum.IsDefined(m.Source))
                errors[field] = [$"'{m.Name}': use a known material type and source channel."];
        }
        if (guide.Materials is { } list && list.Where(m => m?.Name is not null).GroupBy(m => Normalize(m.Name)).FirstOrDefault(g => g.Count() > 1) is { } dup)
            errors["materials"] = [$"'{dup.Key}' is listed more than once."];
        if (string.IsNullOrWhiteSpace(guide.Place)) errors["place"] = ["Give the place where the item is handled (办理地点)."];
        if (string.IsNullOrWhiteSpace(guide.Phone)) errors["phone"] = ["Give the enquiry phone (咨询电话)."];
        if (string.IsNullOrWhiteSpace(guide.ComplaintAddress)) errors["complaintAddress"] = ["Give the complaint address (投诉地址)."];
        if (guide.Faq is null || guide.Faq.Any(f => f is null || string.IsNullOrWhiteSpace(f.Question) || string.IsNullOrWhiteSpace(f.Answer)))
            errors["faq"] = ["Give the FAQ as a list (it may be empty) of question and answer."];
        if (guide.Samples is null || guide.Samples.Any(s => s is null || string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Url)))
            errors["samples"] = ["Give the samples as a list (it may be empty) of title, kind and url."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
