using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat065;

/// <summary>The CAT-065 UAP of EUROCONTROL-SPEC-0149-15 edition 1.5 (lengths unchanged 1.4–1.6).</summary>
internal static class Cat065Uap
{
    public const int I010 = 1, I000 = 2, I015 = 3, I030 = 4, I020 = 5, I040 = 6, I050 = 7, Re = 13, Sp = 14;

    public static readonly Uap Instance = new(
        AsterixCategories.Cat065,
        ItemFormat.Fixed("I065/010", 2),
        ItemFormat.Fixed("I065/000", 1),
        ItemFormat.Fixed("I065/015", 1),
        ItemFormat.Fixed("I065/030", 3),
        ItemFormat.Fixed("I065/020", 1),
        ItemFormat.Fixed("I065/040", 1),
        ItemFormat.Fixed("I065/050", 1),
        ItemFormat.Spare("I065 FRN 8 (spare)"),
        ItemFormat.Spare("I065 FRN 9 (spare)"),
        ItemFormat.Spare("I065 FRN 10 (spare)"),
        ItemFormat.Spare("I065 FRN 11 (spare)"),
        ItemFormat.Spare("I065 FRN 12 (spare)"),
        ItemFormat.Explicit("I065/RE"),
        ItemFormat.Explicit("I065/SP"));
}
