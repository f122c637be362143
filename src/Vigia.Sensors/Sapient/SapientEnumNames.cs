using Google.Protobuf.Reflection;
using SapientMsg.BsiFlex335V20;

namespace Vigia.Sensors.Sapient;

/// <summary>The .proto names of enumeration values (e.g. <c>NODE_TYPE_RADAR</c>, <c>SYSTEM_OK</c>), as operators read them in the ICD.</summary>
/// <remarks>Thread-safety: stateless (descriptors are immutable).</remarks>
internal static class SapientEnumNames
{
    private static readonly EnumDescriptor NodeTypes = Registration.Descriptor.EnumTypes.First(e => e.Name == "NodeType");
    private static readonly EnumDescriptor Systems = StatusReport.Descriptor.EnumTypes.First(e => e.Name == "System");

    public static string Of(Registration.Types.NodeType value) => NameOf(NodeTypes, (int)value);

    public static string Of(StatusReport.Types.System value) => NameOf(Systems, (int)value);

    private static string NameOf(EnumDescriptor descriptor, int number) =>
        descriptor.FindValueByNumber(number)?.Name ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
