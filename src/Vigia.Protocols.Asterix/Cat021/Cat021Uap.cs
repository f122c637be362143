using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat021;

/// <summary>
/// The CAT-021 edition 2.x UAP and item layouts of EUROCONTROL-SPEC-0149-12 edition 2.6 (the UAP is unchanged since
/// 2.1; later editions added extension octets, bounded below). FRN 43–47 are spare.
/// </summary>
internal static class Cat021Uap
{
    public const int I010 = 1, I040 = 2, I161 = 3, I015 = 4, I071 = 5, I130 = 6, I131 = 7, I072 = 8, I150 = 9, I151 = 10;
    public const int I080 = 11, I073 = 12, I074 = 13, I075 = 14, I076 = 15, I140 = 16, I090 = 17, I210 = 18, I070 = 19;
    public const int I230 = 20, I145 = 21, I152 = 22, I200 = 23, I155 = 24, I157 = 25, I160 = 26, I165 = 27, I077 = 28;
    public const int I170 = 29, I020 = 30, I220 = 31, I146 = 32, I148 = 33, I110 = 34, I016 = 35, I008 = 36, I271 = 37;
    public const int I132 = 38, I250 = 39, I260 = 40, I400 = 41, I295 = 42, Re = 48, Sp = 49;

    /// <summary>I021/295 Data Ages: 23 one-octet ages (AOS … SCC), LSB 0.1 s.</summary>
    public static readonly ItemFormat DataAges = ItemFormat.Compound("I021/295", OneOctetAges());

    public static readonly Uap Instance = new(
        AsterixCategories.Cat021,
        F("010", 2),
        ItemFormat.Extended("I021/040", 5),
        F("161", 2),
        F("015", 1),
        F("071", 3),
        F("130", 6),
        F("131", 8),
        F("072", 3),
        F("150", 2),
        F("151", 2),
        F("080", 3),
        F("073", 3),
        F("074", 4),
        F("075", 3),
        F("076", 4),
        F("140", 2),
        ItemFormat.Extended("I021/090", 4),
        F("210", 1),
        F("070", 2),
        F("230", 2),
        F("145", 2),
        F("152", 2),
        F("200", 1),
        F("155", 2),
        F("157", 2),
        F("160", 4),
        F("165", 2),
        F("077", 3),
        F("170", 6),
        F("020", 1),
        ItemFormat.Compound("I021/220", F("220/WS", 2), F("220/WD", 2), F("220/TMP", 2), F("220/TRB", 1)),
        F("146", 2),
        F("148", 2),
        ItemFormat.Compound("I021/110", ItemFormat.Extended("I021/110/TIS", 1), ItemFormat.Repetitive("I021/110/TID", 15)),
        F("016", 1),
        F("008", 1),
        ItemFormat.Extended("I021/271", 2),
        F("132", 1),
        ItemFormat.Repetitive("I021/250", BdsRegister.Size),
        F("260", 7),
        F("400", 1),
        DataAges,
        ItemFormat.Spare("I021 FRN 43 (spare)"),
        ItemFormat.Spare("I021 FRN 44 (spare)"),
        ItemFormat.Spare("I021 FRN 45 (spare)"),
        ItemFormat.Spare("I021 FRN 46 (spare)"),
        ItemFormat.Spare("I021 FRN 47 (spare)"),
        ItemFormat.Explicit("I021/RE"),
        ItemFormat.Explicit("I021/SP"));

    private static ItemFormat F(string item, int size) => ItemFormat.Fixed("I021/" + item, size);

    private static ItemFormat?[] OneOctetAges()
    {
        string[] names =
        [
            "AOS", "TRD", "M3A", "QI", "TI1", "MAM", "GH", "FL", "SAL", "FSA", "AS", "TAS", "MH", "BVR", "GVR", "GV", "TAR",
            "TI2", "TS", "MET", "ROA", "ARA", "SCC",
        ];
        var formats = new ItemFormat?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            formats[i] = F("295/" + names[i], 1);
        }

        return formats;
    }
}
