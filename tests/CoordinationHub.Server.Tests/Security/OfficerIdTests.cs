using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Tests.Security;

public sealed class OfficerIdTests
{
    [Theory]
    [InlineData("inspector.428@cid", true)]
    [InlineData("A-1_b:c+d", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("semi;colon", false)]
    public void IsValid_Charset(string value, bool valid) => Assert.Equal(valid, OfficerId.IsValid(value));

    [Fact]
    public void IsValid_LongerThan128_False() => Assert.False(OfficerId.IsValid(new string('a', 129)));
}
