using Grid.Grains.Common;

namespace Grid.Dispatch.Tests;

/// <summary>The durable outbox: receivers are served at once, each in the order its effects were enqueued, and a failure holds back only its receiver.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task EachReceiverGetsItsEffectsInOrderAndAFailureHoldsBackOnlyThatReceiver()
    {
        var box = new Outbox();
        box.Enqueue("deadline", "accept", id: "d1");
        box.Enqueue("notify", "worker/1", id: "n1");
        box.Enqueue("deadline", "accept", id: "d2");
        box.Enqueue("board", "v1", id: "b1");
        box.Enqueue("notify", "worker/1", id: "n2");
        var delivered = new List<string>();
        var failOnce = true;
        // d1 (enqueued first) is delivered only once b1 was: a drain that served receivers one after another would never finish.
        var boardServed = new TaskCompletionSource();

        var count = await box.DrainAsync(async e =>
        {
            if (e.Id == "d1") await boardServed.Task;
            if (e.Id == "n1" && failOnce) { failOnce = false; throw new InvalidOperationException("inbox down"); }
            delivered.Add(e.Id);
            if (e.Id == "b1") boardServed.SetResult();
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, count);
        Assert.Equal(["b1", "d1", "d2"], delivered.Order(StringComparer.Ordinal));
        Assert.True(delivered.IndexOf("d1") < delivered.IndexOf("d2"));
        Assert.Equal(["n1", "n2"], box.Pending.Select(e => e.Id)); // held back in order, not skipped

        Assert.Equal(2, await box.DrainAsync(e => { delivered.Add(e.Id); return Task.CompletedTask; }));
        Assert.True(box.IsEmpty);
        Assert.Equal(["n1", "n2"], delivered.Skip(3));
    }
}
