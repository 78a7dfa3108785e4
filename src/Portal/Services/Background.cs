namespace Grid.Portal.Services;

/// <summary>Work that runs while the app is open: resending queued steps (the service worker caches the app shell).</summary>
public static class Background
{
    public static async Task KeepUpAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<TaskStore>();
        var session = services.GetRequiredService<Session>();
        // The 'online' event is the fast path; this catches networks that return without one.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync())
            if (session.IsIn(Contracts.Roles.Worker) && store.Pending.Count > 0) await store.FlushAsync();
    }
}
