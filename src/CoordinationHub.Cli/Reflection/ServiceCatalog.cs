using Google.Protobuf.Reflection;

namespace CoordinationHub.Cli.Reflection;

/// <summary>Lists the hub's services through reflection and, when asked, resolves their methods from the descriptors it serves.</summary>
internal static class ServiceCatalog
{
    public static async Task<IReadOnlyList<ServiceDescription>> DescribeAsync(ServerReflectionSession session, bool withMethods)
    {
        ArgumentNullException.ThrowIfNull(session);
        var names = (await session.ListServicesAsync().ConfigureAwait(false)).Order(StringComparer.Ordinal).ToList();
        if (!withMethods)
        {
            return [.. names.Select(name => new ServiceDescription(name, null))];
        }

        var services = new List<ServiceDescription>(names.Count);
        foreach (var name in names)
        {
            var files = await session.FileContainingSymbolAsync(name).ConfigureAwait(false);
            var service = FindService(files, name)
                ?? throw new Rpc.RpcException(Rpc.StatusCode.Internal, $"Reflection listed {name} but its descriptor does not define it.");
            services.Add(new ServiceDescription(name, [.. service.Method.Select(Describe)]));
        }

        return services;
    }

    private static ServiceDescriptorProto? FindService(IEnumerable<FileDescriptorProto> files, string fullName) =>
        files
            .SelectMany(file => file.Service.Select(service => (FullName: Qualify(file.Package, service.Name), Service: service)))
            .FirstOrDefault(candidate => candidate.FullName == fullName)
            .Service;

    private static MethodDescription Describe(MethodDescriptorProto method) => new(
        method.Name,
        (method.ClientStreaming, method.ServerStreaming) switch
        {
            (false, false) => "unary",
            (false, true) => "server streaming",
            (true, false) => "client streaming",
            (true, true) => "bidi streaming",
        },
        method.InputType.TrimStart('.'),
        method.OutputType.TrimStart('.'));

    private static string Qualify(string package, string name) => package.Length == 0 ? name : $"{package}.{name}";
}
