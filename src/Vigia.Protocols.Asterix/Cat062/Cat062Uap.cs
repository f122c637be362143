using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat062;

/// <summary>
/// The CAT-062 edition 1.x UAP and item layouts of EUROCONTROL-SPEC-0149-9 edition 1.18 (FRN 2 and 29–33 spare).
/// </summary>
internal static class Cat062Uap
{
    public const int I010 = 1, I015 = 3, I070 = 4, I105 = 5, I100 = 6, I185 = 7, I210 = 8, I060 = 9, I245 = 10;
    public const int I380 = 11, I040 = 12, I080 = 13, I290 = 14, I200 = 15, I295 = 16, I136 = 17, I130 = 18;
    public const int I135 = 19, I220 = 20, I390 = 21, I270 = 22, I300 = 23, I110 = 24, I120 = 25, I510 = 26;
    public const int I500 = 27, I340 = 28, Re = 34, Sp = 35;

    /// <summary>I062/290 System Track Update Ages: TRK PSR SSR MDS (1 octet), ADS (2), ES VDL UAT LOP MLT (1).</summary>
    public static readonly ItemFormat UpdateAges = ItemFormat.Compound(
        "I062/290", F("290/TRK", 1), F("290/PSR", 1), F("290/SSR", 1), F("290/MDS", 1), F("290/ADS", 2),
        F("290/ES", 1), F("290/VDL", 1), F("290/UAT", 1), F("290/LOP", 1), F("290/MLT", 1));

    /// <summary>I062/295 Track Data Ages: 31 one-octet ages (MFL … BPS).</summary>
    public static readonly ItemFormat DataAges = ItemFormat.Compound("I062/295", OneOctetAges());

    /// <summary>I062/380 Aircraft Derived Data: 28 subfields (ADR … BPS).</summary>
    public static readonly ItemFormat AircraftDerivedData = ItemFormat.Compound(
        "I062/380", F("380/ADR", 3), F("380/ID", 6), F("380/MHG", 2), F("380/IAS", 2), F("380/TAS", 2), F("380/SAL", 2),
        F("380/FSS", 2), ItemFormat.Extended("I062/380/TIS", 1), ItemFormat.Repetitive("I062/380/TID", 15), F("380/COM", 2),
        F("380/SAB", 2), F("380/ACS", 7), F("380/BVR", 2), F("380/GVR", 2), F("380/RAN", 2), F("380/TAR", 2), F("380/TAN", 2),
        F("380/GS", 2), F("380/VUN", 1), F("380/MET", 8), F("380/EMC", 1), F("380/POS", 6), F("380/GAL", 2), F("380/PUN", 1),
        ItemFormat.Repetitive("I062/380/MB", BdsRegister.Size), F("380/IAR", 2), F("380/MAC", 2), F("380/BPS", 2));

    /// <summary>I062/390 Flight Plan Related Data: 18 subfields (TAG … PEC).</summary>
    public static readonly ItemFormat FlightPlanData = ItemFormat.Compound(
        "I062/390", F("390/TAG", 2), F("390/CS", 7), F("390/IFI", 4), F("390/FCT", 1), F("390/TAC", 4), F("390/WTC", 1),
        F("390/DEP", 4), F("390/DST", 4), F("390/RDS", 3), F("390/CFL", 2), F("390/CTL", 2), ItemFormat.Repetitive("I062/390/TOD", 4),
        F("390/AST", 6), F("390/STS", 1), F("390/STD", 7), F("390/STA", 7), F("390/PEM", 2), F("390/PEC", 7));

    /// <summary>I062/110 Mode 5 Data Reports and Extended Mode 1 Code: SUM PMN POS GA EM1 TOS XP.</summary>
    public static readonly ItemFormat Mode5 = ItemFormat.Compound(
        "I062/110", F("110/SUM", 1), F("110/PMN", 4), F("110/POS", 6), F("110/GA", 2), F("110/EM1", 2), F("110/TOS", 1), F("110/XP", 1));

    /// <summary>I062/500 Estimated Accuracies: APC COV APW AGA ABA ATV AA ARC.</summary>
    public static readonly ItemFormat EstimatedAccuracies = ItemFormat.Compound(
        "I062/500", F("500/APC", 4), F("500/COV", 2), F("500/APW", 4), F("500/AGA", 1), F("500/ABA", 1), F("500/ATV", 2),
        F("500/AA", 2), F("500/ARC", 1));

    /// <summary>I062/340 Measured Information: SID POS HEIGHT MDC MDA TYP.</summary>
    public static readonly ItemFormat MeasuredInformation = ItemFormat.Compound(
        "I062/340", F("340/SID", 2), F("340/POS", 4), F("340/HEIGHT", 2), F("340/MDC", 2), F("340/MDA", 2), F("340/TYP", 1));

    public static readonly Uap Instance = new(
        AsterixCategories.Cat062,
        ItemFormat.Fixed("I062/010", 2),
        ItemFormat.Spare("I062 FRN 2 (spare)"),
        ItemFormat.Fixed("I062/015", 1),
        ItemFormat.Fixed("I062/070", 3),
        ItemFormat.Fixed("I062/105", 8),
        ItemFormat.Fixed("I062/100", 6),
        ItemFormat.Fixed("I062/185", 4),
        ItemFormat.Fixed("I062/210", 2),
        ItemFormat.Fixed("I062/060", 2),
        ItemFormat.Fixed("I062/245", 7),
        AircraftDerivedData,
        ItemFormat.Fixed("I062/040", 2),
        ItemFormat.Extended("I062/080", 6),
        UpdateAges,
        ItemFormat.Fixed("I062/200", 1),
        DataAges,
        ItemFormat.Fixed("I062/136", 2),
        ItemFormat.Fixed("I062/130", 2),
        ItemFormat.Fixed("I062/135", 2),
        ItemFormat.Fixed("I062/220", 2),
        FlightPlanData,
        ItemFormat.Extended("I062/270", 3),
        ItemFormat.Fixed("I062/300", 1),
        Mode5,
        ItemFormat.Fixed("I062/120", 2),
        // Master unit and track number, then one part per further unit; eight parts is Vigía's bound.
        ItemFormat.Extended("I062/510", 8, 3),
        EstimatedAccuracies,
        MeasuredInformation,
        ItemFormat.Spare("I062 FRN 29 (spare)"),
        ItemFormat.Spare("I062 FRN 30 (spare)"),
        ItemFormat.Spare("I062 FRN 31 (spare)"),
        ItemFormat.Spare("I062 FRN 32 (spare)"),
        ItemFormat.Spare("I062 FRN 33 (spare)"),
        ItemFormat.Explicit("I062/RE"),
        ItemFormat.Explicit("I062/SP"));

    private static ItemFormat F(string subfield, int size) => ItemFormat.Fixed("I062/" + subfield, size);

    private static ItemFormat?[] OneOctetAges()
    {
        string[] names =
        [
            "MFL", "MD1", "MD2", "MDA", "MD4", "MD5", "MHG", "IAS", "TAS", "SAL", "FSS", "TID", "COM", "SAB", "ACS", "BVR",
            "GVR", "RAN", "TAR", "TAN", "GSP", "VUN", "MET", "EMC", "POS", "GAL", "PUN", "MB", "IAR", "MAC", "BPS",
        ];
        var formats = new ItemFormat?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            formats[i] = F("295/" + names[i], 1);
        }

        return formats;
    }
}
