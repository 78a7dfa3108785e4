using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Common;

namespace Grid.Grains.Delegation;

public static class ProposalRules
{
    public static void Validate(ProposalDraft? draft, string regionCode, bool listPublished)
    {
        if (draft is null) throw ValidationException.For("proposal", "Send the proposal as JSON.");
        var errors = new Dictionary<string, string[]>();
        var level = RegionCodes.LevelOf(regionCode);
        if (level is not (RegionLevel.Township or RegionLevel.Village))
            errors["regionCode"] = ["Delegation lists belong to a township (乡镇/街道) or a village (村/社区)."];
        if (!ServiceItemRules.IsValidCode(draft.ItemCode)) errors["itemCode"] = ["Give the catalog code of the item, e.g. MZ-GF-001."];
        if (!Enum.IsDefined(draft.Change)) errors["change"] = ["Use Add, Adjust or Remove."];
        if (draft.TargetLevel is not (ServiceLevel.Township or ServiceLevel.Village) || (level == RegionLevel.Village && draft.TargetLevel != ServiceLevel.Village))
            errors["targetLevel"] = [level == RegionLevel.Village ? "A village's list delegates to Village level." : "Delegate to Township or Village level."];
        if (draft.Reason is { } r && !Enum.IsDefined(r)) errors["reason"] = ["Use an Art. 13 reason: CatalogAdjusted, PublicDemand, QualityAssessment or CityDecision."];
        else if (draft.Reason is null && (draft.Change != DelegationChange.Add || listPublished))
            errors["reason"] = ["Changes to a published list need an Art. 13 reason: CatalogAdjusted, PublicDemand, QualityAssessment or CityDecision."];
        if (string.IsNullOrWhiteSpace(draft.Justification) || draft.Justification.Length > 2000)
            errors["justification"] = ["Explain the proposal (需求与承接能力), up to 2000 characters."];
        if (draft.SurveyedFrequency is { } f && !Enum.IsDefined(f)) errors["surveyedFrequency"] = ["Use High, Medium or Low."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
