namespace CoordinationHub.Domain.Matching;

/// <summary>What a word contributes to a name once particles and articles are gone.</summary>
internal enum WordRole
{
    /// <summary>A name in its own right (Mohamed, Tikriti).</summary>
    Name,

    /// <summary>"Abd" (servant of), which forms one name with the next word: Abd al-Rahman.</summary>
    AbdPrefix,

    /// <summary>"Abu" (father of), which forms one name with the next word: Abu Bakr.</summary>
    AbuPrefix,

    /// <summary>"al-Din" (of the faith), which forms one name with the previous word: Nour al-Din.</summary>
    DinSuffix,
}
