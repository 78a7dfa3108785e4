using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddAccounts(Dictionary<Type, object> all)
    {
        all.Put(new TokenRequest("center-wanniancun", "an-example-password"));
        var account = all.Put(new AccountDto("center-wanniancun", "万年路社区党群服务中心", Roles.CenterStaff, Village, null));
        all.Put(new TokenResponse("eyJhbGciOiJIUzI1NiJ9.example.signature", At.AddHours(8), account));
        all.Put(new CreateAccountRequest("center-wanniancun", "万年路社区党群服务中心", "an-example-password", Roles.CenterStaff, Village, null));
        all.Put(new ScheduleDeadlineRequest("probe-1", At.AddMinutes(5), "probe"));
        all.Put(new DeadlineDto("probe-1", "probe", At.AddMinutes(5), "Pending", null));
    }

    private static void AddRegions(Dictionary<Type, object> all)
    {
        all.Put(new RegionDto(Village, "万年路社区", RegionLevel.Village, Township, VillageKind.Community, 4));
        all.Put(new BoundaryChangeRequest(GridId, "421202001003", null));
        all.Put(new ResidentMoveDto(ResidentId, GridId, "421202001003-G05", Village, "421202001003"));
        all.Put(new WorkerMoveDto(WorkerId, "Unassigned", Village, "421202001003"));
        all.Put(new BoundaryTaskMoveDto(ResidentId + "-T0001", GridId, "421202001003-G05"));
        var entry = all.Put(new RosterEntryDto("张帮办", "网格员", FakePhone, "高龄津贴、低保、残疾人补贴代办", "周一至周五 8:30–17:30", WorkerId));
        all.Put(new RosterDraftRequest([entry]));
        all.Put(new RosterDraftDto(Village, [entry], 3, At, "center-wanniancun"));
        all.Put(new RosterVersionDto(Village, "万年路社区", 2, At, [entry]));
        all.Put(new RosterVersionInfoDto(2, At, 1));
    }

}
