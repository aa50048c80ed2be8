namespace CoordinationHub.Testing.Tests;

public sealed class SharedClusterCheckA(PostgresDatabaseFixture database)
    : SharedClusterCheck(database), IClassFixture<PostgresDatabaseFixture>;
