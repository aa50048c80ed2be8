namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>One hub for every test class that needs one; tests register their own agencies so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class HubTestGroup : ICollectionFixture<CliHubTestHost>
{
    public const string Name = "hub";
}
