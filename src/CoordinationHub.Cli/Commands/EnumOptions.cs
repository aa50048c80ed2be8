using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;

namespace CoordinationHub.Cli.Commands;

/// <summary>
/// An option whose value is one name of a proto enum (<c>--purpose identification</c>), checked at
/// parse time so a typo is a usage error (exit 1) listing the known names, never a call to the hub.
/// </summary>
internal static class EnumOptions
{
    public static Option<string?> Create<TEnum>(string name, ProtoEnumNames<TEnum> names, string description, bool required = false)
        where TEnum : struct, Enum
    {
        var option = new Option<string?>(name)
        {
            Description = $"{description}: {string.Join(", ", names.Names)}",
            HelpName = name.TrimStart('-'),
            Required = required,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !names.TryParse(value, out _))
            {
                result.AddError($"{name}: unknown '{value}'; known: {string.Join(", ", names.Names)}.");
            }
        });
        return option;
    }

    /// <summary>The parsed value, or the enum's zero (UNSPECIFIED) when the option was not given.</summary>
    public static TEnum Read<TEnum>(this ParseResult parseResult, Option<string?> option, ProtoEnumNames<TEnum> names)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(names);
        return parseResult.GetValue(option) is { } text && names.TryParse(text, out var value) ? value : default;
    }
}
