using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddPeople(Dictionary<Type, object> all)
    {
        var grid = all.Put(new GridAssignmentDto(GridId, new DateOnly(2025, 1, 1), null));
        all.Put(new WorkerRequest("张帮办", "GridWorker", Village, [grid], ["elderly-care", "civil-affairs"], 8, "08:30", "17:30", FakePhone, true, 29.8431, 114.3218));
        all.Put(new WorkerDto(WorkerId, "张帮办", "GridWorker", Village, [grid], ["elderly-care", "civil-affairs"], 8, "08:30", "17:30",
            "138****0000", true, true, 29.8431, 114.3218));
        all.Put(new WorkerSummaryDto(WorkerId, "张帮办", "GridWorker", Village, [GridId], true));
        var proxy = all.Put(new FamilyProxyDto("李明", "儿子", FakeProxyPhone, true));
        all.Put(new ConsentRequest(true, "上门帮办代办及信息共享"));
        all.Put(new ResidentRequest("李奶奶", FakeIdNumber, FakePhone, ["LivingAlone", "Aged"], 2, 29.8427, 114.3225,
            "温泉街道万年路社区 1 栋 101 室", [proxy], new ConsentRequest(true, "上门帮办代办及信息共享")));
        all.Put(new ConsentDto(true, At, WorkerId, "上门帮办代办及信息共享"));
        all.Put(new ResidentDto(ResidentId, "李奶奶", "421202********0006", true, "138****0000", true, ["LivingAlone", "Aged"], 2, 29.8427, 114.3225,
            "温泉街道万年路社区", true, GridId, Village, [proxy with { Phone = "139****0000" }], new ConsentDto(true, At, WorkerId, "上门帮办代办及信息共享")));
        all.Put(new ResidentSummaryDto(ResidentId, "李奶奶", ["LivingAlone", "Aged"], GridId, Village, 2));
        all.Put(new VisitRequest(At, "CareVisit", "身体状况良好,已代领药品"));
        all.Put(new VisitDto(At, WorkerId, "CareVisit", "身体状况良好,已代领药品"));
    }
}
