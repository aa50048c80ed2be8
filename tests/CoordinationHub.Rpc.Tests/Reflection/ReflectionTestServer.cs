using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Server;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Reflection;

/// <summary>A registry as mapping would fill it, and helpers to read reflection answers.</summary>
internal static class ReflectionTestServer
{
    /// <summary>A service mapped from a hand-built method table, without descriptors: listed, not described.</summary>
    public const string ServiceWithoutDescriptor = "test.v1.Handmade";

    public static RpcServiceRegistry CreateRegistry()
    {
        var registry = new RpcServiceRegistry();
        Map<ServerReflectionService>(registry);
        Map<HealthService>(registry);
        registry.Add(HubInfoServiceMethods.Descriptor.FullName, HubInfoServiceMethods.Descriptor);
        registry.Add("grpc.testing.TestService", TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService"));
        registry.Add(ServiceWithoutDescriptor, null);
        return registry;
    }

    /// <summary>The names of the files in a file_descriptor_response, in order.</summary>
    public static IReadOnlyList<string> FileNames(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return [.. response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name)];
    }

    /// <summary>Builds the answered files as a client would, which fails unless every import came with them.</summary>
    public static IReadOnlyList<FileDescriptor> BuildFiles(ServerReflectionResponse response)
    {
        var protos = response.FileDescriptorResponse.FileDescriptorProto.ToDictionary(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name);
        var ordered = new List<ByteString>();
        var visited = new HashSet<string>();
        void Visit(string name)
        {
            if (!visited.Add(name))
            {
                return;
            }

            Assert.True(protos.ContainsKey(name), $"The answer lacks the import {name}.");
            foreach (var dependency in FileDescriptorProto.Parser.ParseFrom(protos[name]).Dependency)
            {
                Visit(dependency);
            }

            ordered.Add(protos[name]);
        }

        foreach (var name in protos.Keys)
        {
            Visit(name);
        }

        return FileDescriptor.BuildFromByteStrings(ordered);
    }

    private static void Map<TService>(RpcServiceRegistry registry)
        where TService : class, IRpcService<TService>
    {
        var binder = new RpcServiceBinder<TService>();
        TService.BindMethods(binder);
        foreach (var handler in binder.Handlers)
        {
            registry.Add(handler.Method.ServiceName, handler.Method.Descriptor?.Service);
        }
    }
}
