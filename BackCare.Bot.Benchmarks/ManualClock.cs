namespace BackCare.Bot.Benchmarks;

/// <summary>A clock the benchmark moves by hand, a minute per tick, so a tick's due reminders are always the same share.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
