using Orleans.Concurrency;

namespace Grid.Grains.Dispatch;

/// <summary>
/// An open page's connection (an SSE stream in some gateway), registered with an inbox: told each
/// notice after the inbox has stored it. One-way, so a slow or gone connection never holds the inbox up.
/// </summary>
[Alias("grid.INotificationObserver")]
public interface INotificationObserver : IGrainObserver
{
    [OneWay, Alias("notice")] Task NoticeAsync(Notification notification);
}
