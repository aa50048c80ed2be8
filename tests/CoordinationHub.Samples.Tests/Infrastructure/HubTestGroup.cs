using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Samples.Tests.Infrastructure;

/// <summary>One hub for every test class that needs one; tests register their own agencies so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class HubTestGroup : ICollectionFixture<HubTestHost>
{
    public const string Name = "hub";
}
