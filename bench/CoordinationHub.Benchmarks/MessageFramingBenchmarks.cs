using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using CoordinationHub.Rpc.Internal;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Benchmarks;

/// <summary>
/// One gRPC message framed (<see cref="MessageFraming.WriteMessage"/>) and read back
/// (<see cref="MessageFraming.ReadMessageAsync{T}"/>), plain and gzip, at 100 B and 64 KiB serialized.
/// </summary>
[MemoryDiagnoser]
public class MessageFramingBenchmarks
{
    private const int MaxSize = 4 * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _writer = new(128 * 1024);
    private BytesValue _message = null!;
    private ReadOnlySequence<byte> _framed;
    private string? _encoding;

    /// <summary>Serialized message size in bytes, without the 5-byte prefix.</summary>
    [Params(100, 64 * 1024)]
    public int Size { get; set; }

    [Params("identity", "gzip")]
    public string Encoding { get; set; } = "identity";

    [GlobalSetup]
    public void Setup()
    {
        _encoding = Encoding == "identity" ? null : Encoding;
        _message = BenchmarkMessages.Create(Size);
        var framed = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(framed, _message, MaxSize, _encoding);
        _framed = new ReadOnlySequence<byte>(framed.WrittenMemory.ToArray());
    }

    [Benchmark]
    public int WriteMessage()
    {
        _writer.ResetWrittenCount();
        MessageFraming.WriteMessage(_writer, _message, MaxSize, _encoding);
        return _writer.WrittenCount;
    }

    /// <summary>Includes creating the <see cref="PipeReader"/> over the prepared frame (one small object).</summary>
    [Benchmark]
    public async ValueTask<BytesValue?> ReadMessageAsync()
    {
        var reader = PipeReader.Create(_framed);
        var message = await MessageFraming.ReadMessageAsync(reader, BytesValue.Parser, MaxSize, _encoding, CancellationToken.None);
        await reader.CompleteAsync();
        return message;
    }
}
