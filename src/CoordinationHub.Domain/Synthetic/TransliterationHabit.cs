namespace CoordinationHub.Domain.Synthetic;

/// <summary>How an agency writes Arabic names in Latin letters.</summary>
public enum TransliterationHabit
{
    /// <summary>English-speaking administrations and UN agencies in Iraq: Mohammed Abdul Kareem al-Jubouri.</summary>
    English = 0,

    /// <summary>French-influenced (Maghreb, francophone NGOs): Mohamed Abdelkrim Jbouri.</summary>
    French = 1,

    /// <summary>Scholarly transliteration with diacritics: Muḥammad ʿAbd al-Karīm al-Jubūrī.</summary>
    Scholarly = 2,
}
