using Grid.Gateway.Apis.Evaluations;

namespace Grid.Evaluations.Tests;

public sealed class QrTokenTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly byte[] Key = QrTokenService.DeriveKey(new byte[32]);

    [Fact]
    public void ATokenNamesItsRecordUntilItExpires()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var tokens = new QrTokenService(Key, clock, TimeSpan.FromDays(30));
        var (token, expires) = tokens.Issue("svc-1");

        Assert.Equal(new QrTokenCheck(QrTokenStatus.Valid, "svc-1", expires), tokens.Check(token));
        clock.Now = expires.AddSeconds(1);
        Assert.Equal(QrTokenStatus.Expired, tokens.Check(token).Status);
    }

    [Fact]
    public void AnAlteredOrForeignTokenIsInvalid()
    {
        var tokens = new QrTokenService(Key, TimeProvider.System, TimeSpan.FromDays(1));
        var other = new QrTokenService(QrTokenService.DeriveKey(Enumerable.Repeat((byte)1, 32).ToArray()), TimeProvider.System, TimeSpan.FromDays(1));
        var (token, _) = tokens.Issue("svc-1");
        var (forged, _) = tokens.Issue("svc-2");
        var swapped = forged.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Equal(QrTokenStatus.Invalid, tokens.Check(swapped).Status);
        Assert.Equal(QrTokenStatus.Invalid, other.Check(token).Status);
        Assert.Equal(QrTokenStatus.Invalid, tokens.Check("not-a-token").Status);
        Assert.Equal(QrTokenStatus.Invalid, tokens.Check("!!!.???").Status);
    }
}
