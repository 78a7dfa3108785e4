namespace Grid.Grains.Catalog;

/// <summary>
/// Art. 10 and 14: the common elements of an item (and the basic elements of its guide) are the
/// same across the city. Local elements — owning department, handling levels, helper skills, and a
/// guide's place, phone, complaint address, FAQ and alternative versions — may differ.
/// </summary>
public static class ConsistencyRules
{
    public static IReadOnlyList<ElementDifference> Compare(ServiceItem city, ServiceItem region)
    {
        var diffs = new List<ElementDifference>();
        void Check(string element, string cityValue, string regionValue)
        {
            if (!string.Equals(cityValue.Trim(), regionValue.Trim(), StringComparison.Ordinal))
                diffs.Add(new ElementDifference(element, cityValue, regionValue));
        }
        Check("name", city.Name, region.Name);
        Check("type", city.Type.ToString(), region.Type.ToString());
        Check("field", city.Field?.ToString() ?? "", region.Field?.ToString() ?? "");
        Check("legalBasis", city.LegalBasis, region.LegalBasis);
        Check("implementingBody", city.ImplementingBody, region.ImplementingBody);
        Check("acceptanceConditions", city.AcceptanceConditions, region.AcceptanceConditions);
        Check("onSiteVisits", city.OnSiteVisits.ToString(), region.OnSiteVisits.ToString());
        Check("result", city.Result, region.Result);
        Check("quantityLimit", city.QuantityLimit, region.QuantityLimit);
        Check("statutoryTimeLimit", Show(city.StatutoryTimeLimit), Show(region.StatutoryTimeLimit));
        Check("promisedTimeLimit", Show(city.PromisedTimeLimit), Show(region.PromisedTimeLimit));
        Check("processSteps", string.Join(" → ", city.ProcessSteps), string.Join(" → ", region.ProcessSteps));
        return diffs;
    }

    /// <summary>A guide's materials (申请材料) are a common element: same names, types, copies and flags.</summary>
    public static IReadOnlyList<ElementDifference> CompareGuides(ServiceGuide city, ServiceGuide region)
    {
        var a = city.Materials.Select(Show).Order(StringComparer.Ordinal).ToList();
        var b = region.Materials.Select(Show).Order(StringComparer.Ordinal).ToList();
        return a.SequenceEqual(b) ? [] : [new ElementDifference("guide.materials", string.Join("; ", a), string.Join("; ", b))];
    }

    private static string Show(TimeLimit? t) => t is null ? "" : $"{t.Days} {t.Unit}";

    private static string Show(GuideMaterial m) =>
        $"{m.Name.Trim()} ({m.Type}, {m.Copies}, {(m.Required ? "required" : "not required")}{(m.Exempt ? ", exempt" : "")})";
}
