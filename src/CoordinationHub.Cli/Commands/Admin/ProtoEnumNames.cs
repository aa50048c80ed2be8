using Google.Protobuf.Reflection;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>
/// The words hubctl uses for a proto enum: the value name without its prefix, in lower case
/// (<c>DATA_CATEGORY_GENETIC</c> is <c>genetic</c>), which for categories and purposes is exactly the
/// vocabulary of DESIGN.md section 4. Read from the descriptor, so a value added to the proto is
/// known here without a code change. Input is case-insensitive and takes '-' for '_'.
/// </summary>
/// <typeparam name="TEnum">The generated C# enum.</typeparam>
internal sealed class ProtoEnumNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<int, string> _names = [];

    public ProtoEnumNames(EnumDescriptor descriptor, string prefix)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        foreach (var value in descriptor.Values)
        {
            var name = value.Name.StartsWith(prefix, StringComparison.Ordinal) ? value.Name[prefix.Length..] : value.Name;
            if (value.Number != 0)
            {
                _names[value.Number] = name.ToLowerInvariant();
            }
        }
    }

    /// <summary>Every name but UNSPECIFIED, in proto order.</summary>
    public IEnumerable<string> Names => _names.OrderBy(pair => pair.Key).Select(pair => pair.Value);

    public string NameOf(TEnum value)
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return number == 0 ? "unspecified" : _names.GetValueOrDefault(number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool TryParse(string text, out TEnum value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = text.Trim().Replace('-', '_').ToLowerInvariant();
        foreach (var (number, name) in _names)
        {
            if (name == wanted)
            {
                value = (TEnum)Enum.ToObject(typeof(TEnum), number);
                return true;
            }
        }

        value = default;
        return false;
    }
}
