namespace CoordinationHub.Domain.Tests.Matching;

/// <summary>Hand-checked pairs that are different names and must not be flagged on the names alone.</summary>
public sealed class NamePairsThatDoNotMatchTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        // Hassan and Hussein share the skeleton HSN but are different names.
        { "Hassan Ali al-Obaidi", "Hussein Ali al-Obaidi" },
        { "حسن علي العبيدي", "حسين علي العبيدي" },
        // Mahmoud and Mohamed share MHMD.
        { "Mahmoud Ahmed Tikriti", "Mohamed Ahmed Tikriti" },
        // Omar and Amr share AMR; in Arabic they differ by the final waw.
        { "Omar Khaled Jbouri", "Amr Khaled Jbouri" },
        { "عمر خالد الجبوري", "عمرو خالد الجبوري" },
        // Saad, Said and Sayyid share SD.
        { "Saad Hamid Zubaidi", "Said Hamid Zubaidi" },
        { "Sayed Hamid Zubaidi", "Saeed Hamid Zubaidi" },
        // Jamal and Jamil share JML.
        { "Jamal Hassan Halabi", "Jamil Hassan Halabi" },
        // Hamid and Hamad.
        { "Hamid Saleh Warfalli", "Hamad Saleh Warfalli" },
        // Ali and Alaa.
        { "Ali Hussein Bayati", "Alaa Hussein Bayati" },
        // Brothers: same father, grandfather and family name, different given name.
        { "Ahmed Ali Hassan al-Janabi", "Omar Ali Hassan al-Janabi" },
        { "يوسف محمد سعيد الكردي", "ابراهيم محمد سعيد الكردي" },
        // Father and son swapped: Ali son of Mohamed against Mohamed son of Ali.
        { "Ali Mohamed", "Mohamed Ali" },
        // Only the common given name in common.
        { "Mohamed Ali al-Tikriti", "Mohamed Khalil al-Masri" },
        { "Mohammed Hassan", "Mohammed Yousef" },
        // Same family, different given and father's names.
        { "Khaled Omar al-Dulaimi", "Tariq Jassim al-Dulaimi" },
        // Abd al-Rahman and Abd al-Rahim: one letter, two names.
        { "Abdul Rahman Saadi", "Abdul Rahim Saadi" },
        // Abdallah and Abd al-Ilah.
        { "Abdallah Hamoud", "Abdelilah Hamoud" },
        // Abd al-Aziz and Abd al-Karim.
        { "Abdelaziz Naimi", "Abdelkrim Naimi" },
        // Salah (صلاح) and Saleh (صالح).
        { "Salah Mahdi Kubaisi", "Saleh Mahdi Kubaisi" },
        // Samir and his sister Samira: skeletons equal, the table keeps them apart.
        { "Samir Khalil Haddad", "Samira Khalil Haddad" },
        // Qasim and Jasim.
        { "Qasim Hadi al-Rubaie", "Jasim Hadi al-Rubaie" },
        // Nour and Noura.
        { "Nour Ahmed Misrati", "Noura Ahmed Misrati" },
        // Ziyad and Zayd.
        { "Ziad Walid Khatib", "Zaid Walid Khatib" },
        // Rana and Rania.
        { "Rana Saleh Hariri", "Rania Saleh Hariri" },
        // Unrelated names altogether.
        { "Fatima Zahra Senussi", "Khadija Amina Fitouri" },
        { "Bilal Ayman Homsi", "Faisal Majid Kurdi" },
        // A single shared name is not enough for a flag.
        { "Ali", "Ali Hussein al-Rubaie" },
        // Different given names, no family name in one report.
        { "Haider Abbas", "Mahdi Abbas" },
        // Similar-looking but different family names and given names.
        { "Walid Hamza al-Hashimi", "Khalid Hamza al-Hakimi" },
        // Mustafa and Murtada: both M-initial, different names.
        { "Mustafa Jawad al-Musawi", "Murtada Jawad al-Musawi" },
        // Amina and Iman share the skeleton AMN; in Arabic script their long vowels differ (found by the
        // sibling benchmark).
        { "أمينة أحمد التكريتي", "إيمان أحمد التكريتي" },
        // Karim and Abd al-Karim are two names: Abd is not to be ignored on one side only.
        { "Karim Hassan Tarhouni", "عبد الكريم حسن الترهوني" },
        // Father's name in place of the given name: the son against his father.
        { "Omar Salah al-Din al-Jubouri", "Salah al-Din al-Jubouri" },
        // Ibrahim and Ismail.
        { "Ibrahim Yousef Tarhouni", "Ismail Yousef Tarhouni" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Assess_DifferentPersonsNames_IsNotLikelyDuplicate(string a, string b)
    {
        var assessment = NamesOnly.Assess(a, b);

        Assert.False(assessment.IsLikelyDuplicate, NamesOnly.Explain(assessment));
    }
}
