namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>One hub for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class HubTestGroup : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
