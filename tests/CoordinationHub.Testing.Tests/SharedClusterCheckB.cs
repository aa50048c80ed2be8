namespace CoordinationHub.Testing.Tests;

public sealed class SharedClusterCheckB(PostgresDatabaseFixture database)
    : SharedClusterCheck(database), IClassFixture<PostgresDatabaseFixture>;
