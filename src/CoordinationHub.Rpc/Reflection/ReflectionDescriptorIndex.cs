using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>
/// The proto files reflection can describe: those of the mapped services and everything they import, indexed by
/// import path and by the fully-qualified names of the symbols they declare.
/// </summary>
internal sealed class ReflectionDescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _filesBySymbol = new(StringComparer.Ordinal);

    public ReflectionDescriptorIndex(IEnumerable<ServiceDescriptor> services)
    {
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    /// <summary>The file imported as <paramref name="fileName"/>, for example <c>google/protobuf/timestamp.proto</c>.</summary>
    public FileDescriptor? FindFileByName(string fileName) => _filesByName.GetValueOrDefault(fileName);

    /// <summary>The file that declares <paramref name="symbol"/>: a service, method, message, enum or field.</summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) => _filesBySymbol.GetValueOrDefault(symbol);

    /// <summary>
    /// <paramref name="file"/> first, then its transitive imports, each once and serialized as a FileDescriptorProto:
    /// a client can only build descriptors when it has every file they refer to.
    /// </summary>
    public static IReadOnlyList<ByteString> SerializeWithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var serialized = new List<ByteString>();
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            serialized.Add(next.SerializedData);
            for (var i = next.Dependencies.Count - 1; i >= 0; i--)
            {
                pending.Push(next.Dependencies[i]);
            }
        }

        return serialized;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddSymbol(enumType.FullName, file);
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddSymbol(enumType.FullName, file);
        }
    }

    // Symbols are unique within a descriptor pool; the first file wins should two pools ever disagree.
    private void AddSymbol(string symbol, FileDescriptor file) => _filesBySymbol.TryAdd(symbol, file);
}
