using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>A <see cref="ServerCallContext"/> without a transport, for calling service methods directly.</summary>
public sealed class TestServerCallContext : ServerCallContext
{
    private static readonly IMethod PlaceholderMethod =
        new Method<Empty, Empty>(MethodType.Unary, "test.TestService", "Test", Empty.Parser, Empty.Parser);

    public TestServerCallContext(CancellationToken cancellationToken = default) => CancellationToken = cancellationToken;

    /// <summary>The method the context reports as called.</summary>
    public IMethod CalledMethod { get; init; } = PlaceholderMethod;

    /// <summary>The services the context hands out.</summary>
    public IServiceProvider ServiceProvider { get; init; } = new ServiceCollection().BuildServiceProvider();

    public override IMethod Method => CalledMethod;

    public override DateTime Deadline => DateTime.MaxValue;

    public override CancellationToken CancellationToken { get; }

    public override Metadata RequestHeaders { get; } = new();

    public override Metadata ResponseTrailers { get; } = new();

    public override PeerInfo Peer { get; } = new("ipv4:127.0.0.1:50000", null);

    public override string CallId { get; } = Guid.NewGuid().ToString("N");

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public override IServiceProvider Services => ServiceProvider;

    public override string? ResponseCompression { get; set; }

    public override WriteOptions WriteOptions { get; set; } = WriteOptions.Default;

    /// <summary>The headers the method sent, when it sent any.</summary>
    public Metadata? ResponseHeaders { get; private set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        if (ResponseHeaders is not null)
        {
            throw new InvalidOperationException("Response headers were already written.");
        }

        ResponseHeaders = responseHeaders;
        return Task.CompletedTask;
    }
}
