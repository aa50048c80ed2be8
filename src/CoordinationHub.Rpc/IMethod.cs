using Google.Protobuf.Reflection;

namespace CoordinationHub.Rpc;

/// <summary>The untyped description of one RPC method, as routing and logging need it.</summary>
public interface IMethod
{
    /// <summary>Fully-qualified service name, for example <c>coordination.v1.HubInfoService</c>.</summary>
    string ServiceName { get; }

    /// <summary>Method name within the service, for example <c>GetHubInfo</c>.</summary>
    string Name { get; }

    /// <summary>The HTTP/2 path, <c>/{ServiceName}/{Name}</c>.</summary>
    string FullName { get; }

    /// <summary>The call shape.</summary>
    MethodType Type { get; }

    /// <summary>The protobuf descriptor, when the method was built from one (reflection serves it).</summary>
    MethodDescriptor? Descriptor { get; }
}
