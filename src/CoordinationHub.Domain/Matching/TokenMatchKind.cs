namespace CoordinationHub.Domain.Matching;

/// <summary>Why two name tokens were considered the same name, or not; shown to reviewers.</summary>
public enum TokenMatchKind
{
    Different = 0,

    /// <summary>Identical after normalisation.</summary>
    SameSpelling = 1,

    /// <summary>Listed variants of one common name in the same script (Mohamed, Muhammad).</summary>
    KnownVariant = 2,

    /// <summary>One in Arabic, one in Latin script, and they agree (محمد, Mohamed).</summary>
    Transliteration = 3,

    /// <summary>Same script, same consonant skeleton (Youssef, Yusuf).</summary>
    SamePhoneticKey = 4,

    /// <summary>Skeletons differ by letters that transliteration habits confuse (Gamal, Jamal).</summary>
    CloseSpelling = 5,
}
