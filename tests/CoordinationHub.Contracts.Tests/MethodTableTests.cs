using System.Reflection;
using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.Tests;

/// <summary>
/// The hand-written method tables must match the generated descriptors exactly: every proto method
/// present once with the right shape, nothing extra. A drift would otherwise surface only as
/// UNIMPLEMENTED or garbage on the wire.
/// </summary>
public sealed class MethodTableTests
{
    public static TheoryData<Type> MethodTables()
    {
        var data = new TheoryData<Type>();
        foreach (var table in FindTables())
        {
            data.Add(table);
        }

        return data;
    }

    private static IEnumerable<Type> FindTables() =>
        typeof(Contracts.V1.HubInfoServiceMethods).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Methods", StringComparison.Ordinal));

    [Fact]
    public void EveryProtoService_HasAMethodTable()
    {
        var servicesInProtos = typeof(Contracts.V1.HubInfoServiceMethods).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .SelectMany(f => f.Services)
            .Select(s => s.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var servicesWithTables = FindTables().Select(t => Descriptor(t).FullName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(servicesInProtos);
        Assert.Equal(servicesInProtos, servicesWithTables);
    }

    [Theory]
    [MemberData(nameof(MethodTables))]
    public void MethodTable_MatchesDescriptor(Type table)
    {
        var descriptor = Descriptor(table);
        var methods = table.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => typeof(IMethod).IsAssignableFrom(p.PropertyType))
            .Select(p => (Property: p.Name, Method: (IMethod)p.GetValue(null)!))
            .ToList();

        Assert.Equal(
            descriptor.Methods.Select(m => m.Name).Order(StringComparer.Ordinal),
            methods.Select(m => m.Method.Name).Order(StringComparer.Ordinal));
        foreach (var (property, method) in methods)
        {
            var expected = descriptor.FindMethodByName(method.Name);
            Assert.Equal(method.Name, property);
            Assert.Equal(descriptor.FullName, method.ServiceName);
            Assert.Equal($"/{descriptor.FullName}/{expected.Name}", method.FullName);
            Assert.Same(expected, method.Descriptor);
            Assert.Equal(expected.IsClientStreaming, method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming);
            Assert.Equal(expected.IsServerStreaming, method.Type is MethodType.ServerStreaming or MethodType.DuplexStreaming);
        }
    }

    private static ServiceDescriptor Descriptor(Type table) =>
        (ServiceDescriptor)table.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
