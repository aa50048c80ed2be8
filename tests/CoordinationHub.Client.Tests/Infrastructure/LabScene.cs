using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>A <see cref="LabWorld"/> with SDK connections of its laboratory (to the test host) and its ministry (to the host or another hub).</summary>
internal sealed class LabScene : IDisposable
{
    private LabScene(LabWorld world, HubConnection lab, HubConnection ministry) => (World, Lab, Ministry) = (world, lab, ministry);

    public LabWorld World { get; }

    public HubConnection Lab { get; }

    public HubConnection Ministry { get; }

    public static async Task<LabScene> CreateAsync(HubTestHost hub, Uri? ministryAddress = null)
    {
        var world = await LabWorld.CreateAsync(hub);
        return new LabScene(world, Sdk.Connect(hub, world.Laboratory), Sdk.Connect(hub, world.Ministry, address: ministryAddress));
    }

    /// <summary>The laboratory reports <paramref name="count"/> identifications: as many notifications to the ministry.</summary>
    public async Task ReportAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Lab.Identifications.ReportIdentificationAsync(World.Report());
        }
    }

    public void Dispose()
    {
        Lab.Dispose();
        Ministry.Dispose();
    }
}
