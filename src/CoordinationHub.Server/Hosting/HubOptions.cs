using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Hosting;

/// <summary>Identity of this hub deployment (section <c>Hub</c>).</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Name shown to adapters, for example "National Missing Persons Hub".</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Name { get; set; } = "CoordinationHub";
}
