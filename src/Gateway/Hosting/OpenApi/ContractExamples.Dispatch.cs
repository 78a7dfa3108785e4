using Grid.Contracts;

namespace Grid.Gateway.Hosting.OpenApi;

public static partial class ContractExamples
{
    private static void AddDispatch(Dictionary<Type, object> all)
    {
        const string taskId = ResidentId + "-T0001";
        all.Put(new PushSubscriptionRequest("https://push.example.invalid/send/abc123",
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", "tBHItJI5svbpez7KI4CCXg"));
        all.Put(new PushSubscriptionDto("https://push.example.invalid/send/abc123", At));
        all.Put(new PushKeyDto("BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U"));
        all.Put(new CreateRequestDto(ResidentId, ItemCode, ["elderly-care"], Urgency.Due, At, At.AddHours(8), RequestChannel.Hotline, null, "老人行动不便,请上门代办"));
        all.Put(new RequestDto(taskId, ResidentId, ItemCode, Urgency.Due, RequestChannel.Hotline, RequesterKind.HotlineOperator,
            TaskStage.Offered, WorkerId, "张帮办", "熟悉该居民,距离 0.3 公里", At.AddDays(3), At));
        var custody = all.Put(new CustodyDto("居民身份证", At.AddHours(1), null));
        all.Put(new TaskActionDto("3f2c9a1e-accept", null, 29.8427, 114.3225, null, [custody], null));
        var checkIn = all.Put(new CheckInDto(At.AddHours(1), 29.8427, 114.3225, 12.5, false));
        var step = all.Put(new TaskEventDto(At, "center-wanniancun", "Offered", WorkerId, "熟悉该居民"));
        all.Put(new TaskDto(taskId, TaskKind.Request, TaskStage.CheckedIn, Urgency.Due, ResidentId, "李奶奶", GridId, Village, ItemCode,
            ["elderly-care"], WorkerId, "张帮办", "熟悉该居民,距离 0.3 公里", At, At.AddHours(8), At.AddDays(3), false, 0, checkIn, null,
            [custody], [step], 4, At));
        all.Put(new TaskListItemDto(taskId, TaskKind.Request, TaskStage.Offered, Urgency.Due, ResidentId, GridId, ItemCode, WorkerId,
            "熟悉该居民,距离 0.3 公里", 312.4, At.AddDays(3), false, 0));
        all.Put(new NotificationDto("n-000123", At, "Offer", taskId, "新任务:高龄津贴申领(万年路社区)"));
        all.Put(new RebalanceRequestDto(Township, true, 10));
        var worker = all.Put(new WorkerLoadDto(WorkerId, "张帮办", Village, 5, 8, [GridId]));
        var area = all.Put(new AreaLoadDto(Village, 12, 2, 3, 4.0, 6));
        all.Put(new WorkloadDto(Township, [worker], [area with { Code = GridId }], [area], [area with { Code = Township }]));
    }
}
