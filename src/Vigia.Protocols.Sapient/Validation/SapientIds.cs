namespace Vigia.Protocols.Sapient.Validation;

/// <summary>
/// Format checks for the identifiers SAPIENT uses: node IDs are UUIDs, report/object/task/alert/region IDs are
/// ULIDs. Allocation-free.
/// </summary>
/// <remarks>
/// A UUID must be in the canonical hyphenated 8-4-4-4-12 hexadecimal form (either case, no braces or URN
/// prefix; any version). A ULID is 26 characters of Crockford base 32 (digits and letters except I, L, O, U,
/// either case) whose first character is 0..7, so that it fits 128 bits. Thread-safety: stateless.
/// </remarks>
public static class SapientIds
{
    /// <summary>Length of a canonical UUID string.</summary>
    public const int UuidLength = 36;

    /// <summary>Length of a ULID string.</summary>
    public const int UlidLength = 26;

    /// <summary>True if <paramref name="value"/> is a canonical hyphenated UUID.</summary>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != UuidLength)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var isHyphenPosition = i is 8 or 13 or 18 or 23;
            if (isHyphenPosition ? value[i] != '-' : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True if <paramref name="value"/> is a ULID.</summary>
    public static bool IsUlid(ReadOnlySpan<char> value)
    {
        if (value.Length != UlidLength || value[0] is < '0' or > '7')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsCrockfordDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCrockfordDigit(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return char.IsAsciiDigit(upper) || (char.IsAsciiLetterUpper(upper) && upper is not ('I' or 'L' or 'O' or 'U'));
    }
}
