namespace Vigia.Protocols.Asterix;

/// <summary>A UTC time of day as ASTERIX carries it: elapsed time since the last midnight in 1/128 s.</summary>
/// <remarks>
/// ASTERIX I048/140, I034/030, I062/070, I065/030, I021/071–077 (three octets, LSB 2⁻⁷ s, reset to zero at
/// midnight). The decoders refuse values of 24 h or more. Turning it into a full timestamp needs a reference date
/// (the Sensors layer). Thread-safety: a value.
/// </remarks>
public readonly record struct AsterixTimeOfDay(uint Raw)
{
    /// <summary>Ticks per second of <see cref="Raw"/> (LSB = 1/128 s).</summary>
    public const int TicksPerSecond = 128;

    /// <summary>The first invalid raw value: 24 h.</summary>
    public const uint RawPerDay = 86_400 * TicksPerSecond;

    /// <summary>Seconds since midnight UTC.</summary>
    public double TotalSeconds => Raw / (double)TicksPerSecond;

    /// <summary>The time since midnight as a <see cref="TimeSpan"/> (exact: 1/128 s is a whole number of ticks).</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Raw * (TimeSpan.TicksPerSecond / TicksPerSecond));
}
