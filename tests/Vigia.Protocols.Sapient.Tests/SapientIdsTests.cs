using Vigia.Protocols.Sapient.Validation;

namespace Vigia.Protocols.Sapient.Tests;

public sealed class SapientIdsTests
{
    [Theory]
    [InlineData("6513270e-269e-4d37-b2a7-4de452e6b438", true)]
    [InlineData("6513270E-269E-4D37-B2A7-4DE452E6B438", true)]
    [InlineData("{6513270e-269e-4d37-b2a7-4de452e6b438}", false)]
    [InlineData("6513270e269e4d37b2a74de452e6b438", false)]
    [InlineData("6513270e-269e-4d37-b2a7-4de452e6b43g", false)]
    [InlineData("6513270e-269e-4d37-b2a74-de452e6b438", false)]
    [InlineData("01KF1EQV22QJ4J7E61X4WJ8NPY", false)]
    [InlineData("", false)]
    public void IsUuid_CanonicalHyphenatedHexOnly(string value, bool expected) => Assert.Equal(expected, SapientIds.IsUuid(value));

    [Theory]
    [InlineData("01KF1EQV22QJ4J7E61X4WJ8NPY", true)]
    [InlineData("01kf1eqv22qj4j7e61x4wj8npy", true)]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true)]
    [InlineData("8ZZZZZZZZZZZZZZZZZZZZZZZZZ", false)]
    [InlineData("01KF1EQV22QJ4J7E61X4WJ8NPU", false)]
    [InlineData("01KF1EQV22QJ4J7E61X4WJ8NPI", false)]
    [InlineData("01KF1EQV22QJ4J7E61X4WJ8NP", false)]
    [InlineData("AAA", false)]
    [InlineData("a8654cdf-4328-47de-81fa-c495589e30c8", false)]
    public void IsUlid_26CrockfordCharactersStartingAt0To7(string value, bool expected) => Assert.Equal(expected, SapientIds.IsUlid(value));
}
