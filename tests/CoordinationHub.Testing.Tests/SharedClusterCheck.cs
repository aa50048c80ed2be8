namespace CoordinationHub.Testing.Tests;

/// <summary>
/// Run by several test classes, which xunit runs in parallel: their fixtures race to start the
/// cluster, and all of them must end up on the same one.
/// </summary>
public abstract class SharedClusterCheck(PostgresDatabaseFixture database)
{
    [Fact]
    public async Task ParallelClassFixtures_Start_ShareOneCluster()
    {
        var mine = await ServerIdentity.ReadAsync(database.ConnectionString);
        var process = await ServerIdentity.ReadAsync(PostgresCluster.ConnectionStringFor("postgres"));

        Assert.Equal(process, mine);
        Assert.True(PostgresCluster.ClustersStarted <= 1, $"{PostgresCluster.ClustersStarted} clusters started");
    }
}
