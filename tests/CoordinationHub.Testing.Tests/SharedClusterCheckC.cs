namespace CoordinationHub.Testing.Tests;

public sealed class SharedClusterCheckC(PostgresDatabaseFixture database)
    : SharedClusterCheck(database), IClassFixture<PostgresDatabaseFixture>;
