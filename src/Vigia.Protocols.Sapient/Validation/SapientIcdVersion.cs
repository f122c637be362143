namespace Vigia.Protocols.Sapient.Validation;

/// <summary>The ICD version strings a Registration may announce for the messages this project implements.</summary>
public static class SapientIcdVersion
{
    /// <summary>BSI Flex 335 v2.0, as the Dstl test harness requires it in <c>Registration.icd_version</c>.</summary>
    public const string BsiFlex335V20 = "BSI Flex 335 v2.0";

    /// <summary>The same version as the .proto files' <c>standard_version</c> option spells it (accepted too, as the Apex middleware does).</summary>
    public const string BsiFlex335V20Underscored = "BSI_Flex_335_v2.0";

    /// <summary>True if <paramref name="icdVersion"/> names BSI Flex 335 v2.0 in either spelling (exact, case-sensitive).</summary>
    public static bool IsSupported(string? icdVersion) =>
        icdVersion is BsiFlex335V20 or BsiFlex335V20Underscored;
}
