using Xunit;

namespace Gongkai.TestSupport;

/// <summary>
/// A fact that needs PostgreSQL: skipped (with the reason) when GONGKAI_TEST_POSTGRES is not set. The test script
/// fails a CI run that skipped any test, so on CI these always run.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL not available: set {TestDatabase.PostgresVariable} to a connection string (scripts/test.sh starts a server when it can)";
        }
    }
}

/// <summary>A theory that needs PostgreSQL; see <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL not available: set {TestDatabase.PostgresVariable}";
        }
    }
}
