namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Assisted-agency dispatch (Art. 29, 就近、就熟): requests, tasks, notifications, workloads, care visits, planning.</summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapRequestsApi();
        app.MapTasksApi();
        app.MapNotificationsApi();
        app.MapWorkloadsApi();
        app.MapCareVisitsApi();
        app.MapPlanningApi();
        return app;
    }
}
