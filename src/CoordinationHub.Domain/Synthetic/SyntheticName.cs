namespace CoordinationHub.Domain.Synthetic;

/// <summary>One name in Arabic script and as each <see cref="TransliterationHabit"/> renders it.</summary>
public sealed record SyntheticName(string Arabic, string English, string French, string Scholarly)
{
    public string Render(TransliterationHabit habit) => habit switch
    {
        TransliterationHabit.French => French,
        TransliterationHabit.Scholarly => Scholarly,
        _ => English,
    };
}
