using Microsoft.EntityFrameworkCore.Design;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Lets <c>dotnet tool run dotnet-ef migrations add NAME --project src/CoordinationHub.Server
/// --output-dir Persistence/Migrations</c> build the model without starting the hub or reaching a
/// database (it never connects).
/// </summary>
internal sealed class HubDbContextDesignTimeFactory : IDesignTimeDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext(string[] args) => HubDatabase.Open("Host=design-time-only");
}
