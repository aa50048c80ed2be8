namespace CoordinationHub.Testing.Internal;

/// <summary>The server tests use: an existing one (HUB_TEST_POSTGRES) or our private cluster.</summary>
/// <param name="BaseConnectionString">Host, port and credentials, without a database.</param>
/// <param name="AdminDatabase">The database connected to for CREATE and DROP DATABASE.</param>
/// <param name="Cluster">The private cluster, or null for an existing server.</param>
internal sealed record PostgresServer(string BaseConnectionString, string AdminDatabase, PrivateCluster? Cluster);
