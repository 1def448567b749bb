using Gongkai.Core.Cases;

namespace Gongkai.Core.Tests.Cases;

public sealed class PostalTrackingNumberTests
{
    [Fact]
    public void Postal_numbers_are_checked_by_their_s10_check_digit()
    {
        Assert.Equal(5, PostalTrackingNumber.CheckDigit("12345678"));
        Assert.Equal("RR473124829CN", PostalTrackingNumber.Normalise("RR 473 124 829 CN"));
        Assert.Null(PostalTrackingNumber.Normalise("RR473124828CN"));
        Assert.Equal("1151234567890", PostalTrackingNumber.Normalise("1151234567890"));
        Assert.Null(PostalTrackingNumber.Normalise("SF1234567890"));
        Assert.Null(PostalTrackingNumber.Normalise("123"));
    }
}
