using Vigia.Core.Time;
using Vigia.Sensors.Radar;

namespace Vigia.Sensors.Tests.Radar;

public sealed class RecordDeduplicatorTests
{
    private static readonly Timestamp T0 = Timestamp.FromUnixSeconds(1_462_433_756);

    [Fact]
    public void SameRecordWithinTheWindow_IsADuplicate_OtherCategoryOrOctetsAreNot()
    {
        var dedup = new RecordDeduplicator(TimeSpan.FromSeconds(2), 100);
        byte[] record = [0x80, 25, 12];

        Assert.False(dedup.IsDuplicate(48, record, T0));
        Assert.True(dedup.IsDuplicate(48, record, T0.AddSeconds(0.01)));
        Assert.False(dedup.IsDuplicate(34, record, T0.AddSeconds(0.02)));
        Assert.False(dedup.IsDuplicate(48, [0x80, 25, 13], T0.AddSeconds(0.03)));
        Assert.Equal(3, dedup.Count);
    }

    [Fact]
    public void RecordOlderThanTheWindow_IsForgotten()
    {
        var dedup = new RecordDeduplicator(TimeSpan.FromSeconds(2), 100);
        Assert.False(dedup.IsDuplicate(48, [0x80, 25, 12], T0));
        Assert.False(dedup.IsDuplicate(48, [0x80, 25, 12], T0.AddSeconds(2.5)));
        Assert.Equal(1, dedup.Count);
    }

    [Fact]
    public void Capacity_ForgetsTheOldestFirst()
    {
        var dedup = new RecordDeduplicator(TimeSpan.FromSeconds(60), 2);
        Assert.False(dedup.IsDuplicate(48, [1], T0));
        Assert.False(dedup.IsDuplicate(48, [2], T0));
        Assert.False(dedup.IsDuplicate(48, [3], T0));
        Assert.Equal(2, dedup.Count);
        Assert.True(dedup.IsDuplicate(48, [3], T0));
        Assert.False(dedup.IsDuplicate(48, [1], T0));
    }
}
