using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat034;

/// <summary>The CAT-034 UAP and item layouts of EUROCONTROL-SPEC-0149-2b edition 1.29 (unchanged in length since 1.27).</summary>
internal static class Cat034Uap
{
    public const int I010 = 1, I000 = 2, I030 = 3, I020 = 4, I041 = 5, I050 = 6, I060 = 7;
    public const int I070 = 8, I100 = 9, I110 = 10, I120 = 11, I090 = 12, Re = 13, Sp = 14;

    /// <summary>I034/050: COM, two unused bits, PSR, SSR, MDS (two octets).</summary>
    public static readonly ItemFormat SystemConfiguration = ItemFormat.Compound(
        "I034/050",
        ItemFormat.Fixed("I034/050/COM", 1),
        null,
        null,
        ItemFormat.Fixed("I034/050/PSR", 1),
        ItemFormat.Fixed("I034/050/SSR", 1),
        ItemFormat.Fixed("I034/050/MDS", 2));

    /// <summary>I034/060: COM, two unused bits, PSR, SSR, MDS (one octet each).</summary>
    public static readonly ItemFormat ProcessingMode = ItemFormat.Compound(
        "I034/060",
        ItemFormat.Fixed("I034/060/COM", 1),
        null,
        null,
        ItemFormat.Fixed("I034/060/PSR", 1),
        ItemFormat.Fixed("I034/060/SSR", 1),
        ItemFormat.Fixed("I034/060/MDS", 1));

    public static readonly Uap Instance = new(
        AsterixCategories.Cat034,
        ItemFormat.Fixed("I034/010", 2),
        ItemFormat.Fixed("I034/000", 1),
        ItemFormat.Fixed("I034/030", 3),
        ItemFormat.Fixed("I034/020", 1),
        ItemFormat.Fixed("I034/041", 2),
        SystemConfiguration,
        ProcessingMode,
        ItemFormat.Repetitive("I034/070", 2),
        ItemFormat.Fixed("I034/100", 8),
        ItemFormat.Fixed("I034/110", 1),
        ItemFormat.Fixed("I034/120", 8),
        ItemFormat.Fixed("I034/090", 2),
        ItemFormat.Explicit("I034/RE"),
        ItemFormat.Explicit("I034/SP"));
}
