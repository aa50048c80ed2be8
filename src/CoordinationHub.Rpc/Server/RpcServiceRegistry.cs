using Google.Protobuf.Reflection;

namespace CoordinationHub.Rpc.Server;

/// <summary>
/// The services mapped on this server, with their descriptors: what reflection lists and what
/// health reports on.
/// </summary>
public sealed class RpcServiceRegistry
{
    private readonly Dictionary<string, ServiceDescriptor?> _services = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Names of the mapped services, sorted.</summary>
    public IReadOnlyList<string> ServiceNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _services.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Descriptors of the mapped services that were built from generated code.</summary>
    public IReadOnlyList<ServiceDescriptor> Descriptors
    {
        get
        {
            lock (_gate)
            {
                return [.. _services.Values.OfType<ServiceDescriptor>().OrderBy(s => s.FullName, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>True until the first service is mapped.</summary>
    internal bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _services.Count == 0;
            }
        }
    }

    internal bool Contains(string serviceName)
    {
        lock (_gate)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    internal void Add(string serviceName, ServiceDescriptor? descriptor)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue(serviceName, out var existing) || existing is null)
            {
                _services[serviceName] = descriptor;
            }
        }
    }
}
