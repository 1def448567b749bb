using System.ComponentModel;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gongkai.TestSupport;

/// <summary>
/// A fact of a test class that exists once per database provider. In a class whose name contains "Postgres" it is
/// skipped, with the reason, when GONGKAI_TEST_POSTGRES is not set (scripts/test.sh fails a CI run with any skip).
/// </summary>
[XunitTestCaseDiscoverer("Gongkai.TestSupport.ProviderFactDiscoverer", "Gongkai.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        yield return new ProviderTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class ProviderTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ProviderTestCase()
    {
    }

    public ProviderTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsPostgres = TestMethod.TestClass.Class.Name.Contains("Postgres", StringComparison.Ordinal);
        return needsPostgres && TestDatabase.PostgresConnectionString is null
            ? $"PostgreSQL not available: set {TestDatabase.PostgresVariable} to a connection string (scripts/test.sh starts a server when it can)"
            : base.GetSkipReason(factAttribute);
    }
}
