using Vigia.Protocols.Asterix.Layout;

namespace Vigia.Protocols.Asterix.Cat048;

/// <summary>
/// The CAT-048 UAP and item layouts of EUROCONTROL-SPEC-0149-4 edition 1.31 (FRNs and lengths unchanged since
/// 1.14; later editions only add extension octets, which the bounds below name).
/// </summary>
internal static class Cat048Uap
{
    public const int I010 = 1, I140 = 2, I020 = 3, I040 = 4, I070 = 5, I090 = 6, I130 = 7;
    public const int I220 = 8, I240 = 9, I250 = 10, I161 = 11, I042 = 12, I200 = 13, I170 = 14;
    public const int I210 = 15, I030 = 16, I080 = 17, I100 = 18, I110 = 19, I120 = 20, I230 = 21;
    public const int I260 = 22, I055 = 23, I050 = 24, I065 = 25, I060 = 26, Sp = 27, Re = 28;

    /// <summary>I048/130: SRL, SRR, SAM, PRL, PAM, RPD, APD, one octet each.</summary>
    public static readonly ItemFormat PlotCharacteristics = ItemFormat.Compound(
        "I048/130",
        ItemFormat.Fixed("I048/130/SRL", 1),
        ItemFormat.Fixed("I048/130/SRR", 1),
        ItemFormat.Fixed("I048/130/SAM", 1),
        ItemFormat.Fixed("I048/130/PRL", 1),
        ItemFormat.Fixed("I048/130/PAM", 1),
        ItemFormat.Fixed("I048/130/RPD", 1),
        ItemFormat.Fixed("I048/130/APD", 1));

    /// <summary>I048/120: CAL (2 octets) and RDS (REP × 6 octets).</summary>
    public static readonly ItemFormat DopplerSpeed = ItemFormat.Compound(
        "I048/120",
        ItemFormat.Fixed("I048/120/CAL", 2),
        ItemFormat.Repetitive("I048/120/RDS", 6));

    public static readonly Uap Instance = new(
        AsterixCategories.Cat048,
        ItemFormat.Fixed("I048/010", 2),
        ItemFormat.Fixed("I048/140", 3),
        ItemFormat.Extended("I048/020", 3),
        ItemFormat.Fixed("I048/040", 4),
        ItemFormat.Fixed("I048/070", 2),
        ItemFormat.Fixed("I048/090", 2),
        PlotCharacteristics,
        ItemFormat.Fixed("I048/220", 3),
        ItemFormat.Fixed("I048/240", 6),
        ItemFormat.Repetitive("I048/250", BdsRegister.Size),
        ItemFormat.Fixed("I048/161", 2),
        ItemFormat.Fixed("I048/042", 4),
        ItemFormat.Fixed("I048/200", 4),
        ItemFormat.Extended("I048/170", 2),
        ItemFormat.Fixed("I048/210", 4),
        // One octet per code; edition 1.31 defines 36 codes, so more octets cannot be meaningful.
        ItemFormat.Extended("I048/030", 36),
        ItemFormat.Fixed("I048/080", 2),
        ItemFormat.Fixed("I048/100", 4),
        ItemFormat.Fixed("I048/110", 2),
        DopplerSpeed,
        ItemFormat.Fixed("I048/230", 2),
        ItemFormat.Fixed("I048/260", 7),
        ItemFormat.Fixed("I048/055", 1),
        ItemFormat.Fixed("I048/050", 2),
        ItemFormat.Fixed("I048/065", 1),
        ItemFormat.Fixed("I048/060", 2),
        ItemFormat.Explicit("I048/SP"),
        ItemFormat.Explicit("I048/RE"));
}
