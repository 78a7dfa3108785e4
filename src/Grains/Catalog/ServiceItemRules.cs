using System.Text.RegularExpressions;
using Grid.Grains.Common;

namespace Grid.Grains.Catalog;

/// <summary>Field-by-field validation of a service item, with messages naming the field.</summary>
public static partial class ServiceItemRules
{
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,39}$")]
    private static partial Regex CodePattern();

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static void Validate(ServiceItem? item)
    {
        if (item is null) throw ValidationException.For("item", "Send the service item as JSON.");
        var errors = new Dictionary<string, string[]>();
        void Need(string field, string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"Enter the {what}."];
            else if (value.Length > 2000) errors[field] = [$"The {what} is longer than 2000 characters."];
        }
        if (!IsValidCode(item.Code)) errors["code"] = ["Use 3–40 capital letters, digits or '-', e.g. MZ-GF-001."];
        Need("name", item.Name, "item name");
        Need("department", item.Department, "owning department (e.g. 民政局)");
        Need("legalBasis", item.LegalBasis, "legal basis (设立依据)");
        Need("implementingBody", item.ImplementingBody, "implementing body (实施主体)");
        Need("acceptanceConditions", item.AcceptanceConditions, "acceptance conditions (受理条件)");
        Need("result", item.Result, "result (办理结果)");
        Need("quantityLimit", item.QuantityLimit, "quantity limit (数量限制), or 无数量限制");
        if (!Enum.IsDefined(item.Type)) errors["type"] = ["Use one of the item types, e.g. AdministrativePayment or PublicService."];
        if (item.Type == ServiceItemType.PublicService && item.Field is null)
            errors["field"] = ["A public service (公共服务) needs its field, e.g. ElderlyCare or SocialInsurance."];
        if (item.Type != ServiceItemType.PublicService && item.Field is not null)
            errors["field"] = ["Only a public service (公共服务) has a field; leave it empty for this type."];
        if (item.OnSiteVisits is < 0 or > 5) errors["onSiteVisits"] = ["On-site visits (到办事现场次数) must be 0–5."];
        if (item.PromisedTimeLimit is null or { Days: < 0 or > 365 })
            errors["promisedTimeLimit"] = ["Give the promised time limit in days (0 for on the spot, at most 365)."];
        if (item.StatutoryTimeLimit is { Days: < 0 or > 365 })
            errors["statutoryTimeLimit"] = ["The statutory time limit must be 0–365 days."];
        else if (item.StatutoryTimeLimit is { } s && item.PromisedTimeLimit is { } p && s.Unit == p.Unit && p.Days > s.Days)
            errors["promisedTimeLimit"] = [$"The promised time limit ({p.Days} days) may not exceed the statutory one ({s.Days} days)."];
        if (item.ProcessSteps is not { Count: > 0 } || item.ProcessSteps.Any(string.IsNullOrWhiteSpace))
            errors["processSteps"] = ["List the process steps (流程环节), e.g. 受理, 审核, 决定, 送达."];
        if (item.Levels is not { Count: > 0 } || item.Levels.Any(l => !Enum.IsDefined(l)))
            errors["levels"] = ["Name at least one handling level: Province, City, County, Township or Village."];
        if (item.RequiredSkills is null || item.RequiredSkills.Any(string.IsNullOrWhiteSpace))
            errors["requiredSkills"] = ["Give the helper skills as a list (it may be empty), e.g. [\"elderly-care\"]."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
