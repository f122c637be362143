namespace Vigia.Protocols.Asterix.Layout;

/// <summary>Range rules the specifications state for item values, checked once a record is delimited.</summary>
internal static class ValueChecks
{
    /// <summary>
    /// A time of day (three octets, 1/128 s) is below 24 h: every category resets it to zero at midnight
    /// (I048/140 states "&lt; 86400 s"). A larger value means the bytes are not what the UAP says they are.
    /// </summary>
    public static bool TimeOfDayInRange(scoped in RecordCore record, int frn, string item, out DecodeError error)
    {
        if (record.Has(frn))
        {
            var at = record.At(frn);
            var raw = BigEndian.U24(record.Bytes, at);
            if (raw >= AsterixTimeOfDay.RawPerDay)
            {
                error = new DecodeError(AsterixErrorCode.ValueOutOfRange, at, item, (int)AsterixTimeOfDay.RawPerDay - 1, (int)raw);
                return false;
            }
        }

        error = default;
        return true;
    }
}
