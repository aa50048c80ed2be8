namespace CoordinationHub.Testing.Tests;

public sealed class PostgresDatabaseFixtureTests
{
    [Fact]
    public async Task InitializeAsync_ManyAtOnce_ShareOneClusterWithOwnDatabases()
    {
        var fixtures = Enumerable.Range(0, 16).Select(_ => new PostgresDatabaseFixture()).ToArray();
        try
        {
            await Task.WhenAll(fixtures.Select(f => Task.Run(f.InitializeAsync)));
            var identities = await Task.WhenAll(fixtures.Select(f => ServerIdentity.ReadAsync(f.ConnectionString)));

            Assert.Single(identities.Distinct());
            Assert.Equal(fixtures.Length, fixtures.Select(f => f.DatabaseName).Distinct().Count());
            Assert.True(PostgresCluster.ClustersStarted <= 1);
        }
        finally
        {
            await Task.WhenAll(fixtures.Select(f => f.DisposeAsync()));
        }
    }

    [Fact]
    public void ConnectionString_BeforeInitialize_Throws()
    {
        var fixture = new PostgresDatabaseFixture();

        Assert.Throws<InvalidOperationException>(() => fixture.ConnectionString);
    }
}
