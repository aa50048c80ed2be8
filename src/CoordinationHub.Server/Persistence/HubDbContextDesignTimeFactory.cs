using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the hub or reaching a
/// database (it never connects).
/// </summary>
internal sealed class HubDbContextDesignTimeFactory : IDesignTimeDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HubDbContext>().UseNpgsql("Host=design-time-only").Options);
}
