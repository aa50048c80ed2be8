using System.Reflection;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Tests.Security;

public sealed class MethodScopesTests
{
    private static IEnumerable<IMethod> ContractMethods() =>
        typeof(HubInfoServiceMethods).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Methods", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => typeof(IMethod).IsAssignableFrom(p.PropertyType))
            .Select(p => (IMethod)p.GetValue(null)!);

    [Fact]
    public void EveryContractMethod_HasAnAccessRule()
    {
        var methods = ContractMethods().ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.True(MethodScopes.TryGetRequiredScope(m, out _), $"{m.FullName} has no entry in MethodScopes"));
    }

    [Fact]
    public void EveryRule_NamesAKnownScopeOrAnyAgency()
    {
        foreach (var method in ContractMethods())
        {
            MethodScopes.TryGetRequiredScope(method, out var scope);
            Assert.True(scope == MethodScopes.AnyAuthenticatedAgency || Scopes.IsKnown(scope), $"{method.FullName}: unknown scope '{scope}'");
        }
    }

    [Fact]
    public void AgenciesService_RequiresAgenciesAdmin()
    {
        foreach (var method in ContractMethods().Where(m => m.ServiceName == "coordination.v1.AgenciesService"))
        {
            Assert.True(MethodScopes.TryGetRequiredScope(method, out var scope));
            Assert.Equal(Scopes.AgenciesAdmin, scope);
        }
    }

    [Fact]
    public void UnknownCoordinationMethod_HasNoRule()
    {
        var unknown = new Method<GetHubInfoRequest, GetHubInfoResponse>(MethodType.Unary, "coordination.v1.HubInfoService", "Shutdown", GetHubInfoRequest.Parser, GetHubInfoResponse.Parser);

        Assert.False(MethodScopes.TryGetRequiredScope(unknown, out _));
    }

    [Fact]
    public void HealthAndReflection_AreStandardServices()
    {
        Assert.True(MethodScopes.IsStandardService(HealthServiceMethods.Check));
        Assert.False(MethodScopes.IsStandardService(HubInfoServiceMethods.GetHubInfo));
    }
}
