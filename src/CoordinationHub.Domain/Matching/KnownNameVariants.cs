using System.Collections.Frozen;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// The explicit table for famous names: spellings the phonetic key would keep apart (Mehmet, Brahim,
/// Osman) or, more dangerously, merge with a different name (Hassan/Hussein, Saad/Said/Sayyid,
/// Omar/Amr, Mahmoud/Mohamed, Jamal/Jamil all share a consonant skeleton). Two tokens that are both in the
/// table match only if they are variants of the same name.
/// </summary>
/// <remarks>
/// Spellings pass through <see cref="NameTokenizer"/> exactly like reported names, so the table does not
/// need every doubling or accent ("Mohammed" and "Mohamed" are one entry). Add a name when two common
/// names share a key or a common spelling falls outside the key; do not add a name to merge names that
/// are different (Joseph is not Yusuf for matching purposes).
/// </remarks>
public static class KnownNameVariants
{
    private static readonly string[][] Table =
    [
        ["Muhammad", "Mohamed", "Mohammad", "Mohamad", "Muhamed", "Mouhamed", "Mouhammad", "Mohamud", "Mehmet", "Mehmed", "Mohd", "Mahomed", "Mhamed", "Mohamet", "محمد"],
        ["Mahmud", "Mahmoud", "Mahmood", "Mahmut", "Mahmod", "محمود"],
        ["Ahmad", "Ahmed", "Ahmet", "Achmed", "Ahmat", "احمد"],
        ["Hamid", "Hamed", "حامد"],
        ["Hamad", "حمد"],
        ["Hamoud", "Hamud", "Hamood", "Hmoud", "حمود"],
        ["Humaid", "Hmeid", "Humayd", "حميد"],
        ["Hasan", "Hassane", "Hacen", "Hasen", "حسن"],
        ["Husayn", "Hussein", "Hussain", "Hosein", "Hossein", "Hossain", "Houssein", "Hussien", "Huseyin", "Hocine", "Houcine", "Hussen", "حسين"],
        ["Saad", "Sa'ad", "Saâd", "سعد"],
        ["Said", "Saeed", "Saied", "Saeid", "سعيد"],
        ["Sayyid", "Sayed", "Syed", "Seyyed", "Sayyed", "Seyed", "سيد"],
        ["Suad", "Souad", "Soad", "سعاد"],
        ["Ali", "Aly", "Alee", "علي"],
        ["Alaa", "Ala'a", "Alaa'", "علاء"],
        ["Umar", "Omar", "Omer", "Ömer", "عمر"],
        ["Amr", "Amro", "Amru", "Amrou", "عمرو"],
        ["Usama", "Osama", "Ousama", "Oussama", "Usamah", "Osamah", "اسامة"],
        ["Yusuf", "Youssef", "Yousef", "Yousif", "Yusef", "Youssouf", "Yousuf", "Yusif", "Jusuf", "Youcef", "Yüsuf", "يوسف"],
        ["Ibrahim", "Ebrahim", "Brahim", "Ibraheem", "Ibrahem", "Ebrahem", "Ibraim", "Ibrahima", "İbrahim", "ابراهيم"],
        ["Ismail", "Ismael", "Esmail", "Ismaeel", "Smail", "Ismayil", "اسماعيل"],
        ["Uthman", "Othman", "Osman", "Usman", "Outhmane", "Othmane", "Osmane", "عثمان"],
        ["Abdallah", "Abdullah", "Abdalla", "Abdulla", "Abdellah", "Abd Allah", "Abdollah", "Abd al-Lah", "عبد الله"],
        ["Jamal", "Gamal", "Djamel", "Jamel", "Jemal", "Cemal", "جمال"],
        ["Jamil", "Gamil", "Djamil", "Jameel", "Cemil", "جميل"],
        ["Jamila", "Gamila", "Djamila", "Jameela", "Jamilah", "جميلة"],
        ["Khalid", "Khaled", "Khalied", "Khaleed", "Halid", "خالد"],
        ["Khalil", "Khaleel", "Halil", "خليل"],
        ["Fatima", "Fatimah", "Fatma", "Fatemeh", "Fatime", "Fadma", "فاطمة"],
        ["Aisha", "Aicha", "Aysha", "Ayesha", "Aishah", "Ayse", "A'isha", "عائشة"],
        ["Khadija", "Khadidja", "Khadijah", "Khadeeja", "Hatice", "خديجة"],
        ["Nur", "Nour", "Noor", "نور"],
        ["Nura", "Noura", "Nora", "Nourah", "نورة"],
        ["Salih", "Saleh", "Swaleh", "صالح"],
        ["Salah", "صلاح"],
        ["Salim", "Selim", "Saleem", "سليم"],
        ["Salem", "سالم"],
        ["Hadi", "هادي"],
        ["Huda", "Hoda", "Houda", "هدى"],
        ["Mahdi", "Mehdi", "مهدي"],
        ["Ziyad", "Ziad", "Zyad", "زياد"],
        ["Zayd", "Zaid", "Zeid", "زيد"],
        ["Rania", "Ranya", "رانيا"],
        ["Rana", "رنا"],
        ["Samir", "Sameer", "سمير"],
        ["Samira", "Sameera", "Samirah", "سميرة"],
        ["Amin", "Ameen", "Emin", "امين"],
        ["Amina", "Aminah", "Amena", "Emine", "امنة", "امينة"],
        ["Iman", "Eman", "Imane", "ايمان"],
        ["Karim", "Kareem", "Krim", "كريم"],
        ["Karima", "Kareema", "Karimah", "كريمة"],
        ["Nabil", "Nabeel", "نبيل"],
        ["Nabila", "Nabeela", "نبيلة"],
        ["Qasim", "Kassem", "Kasim", "Qassem", "Kacem", "Gassem", "قاسم"],
        ["Jasim", "Jassim", "Jasem", "Jassem", "جاسم"],
        ["Hamza", "Hamzah", "Hamzeh", "Hamze", "حمزة"],
        ["Taha", "Tahah", "طه"],
    ];

    private static readonly Lazy<FrozenDictionary<string, (string Name, string Key)>> BySpelling = new(Build);

    /// <summary>The canonical name for a normalised spelling, or null when the table does not know it.</summary>
    public static string? CanonicalNameOf(string spelling) =>
        BySpelling.Value.TryGetValue(spelling, out var known) ? known.Name : null;

    /// <summary>
    /// The token with its canonical name set and its key replaced by the canonical name's key, so that
    /// search keys of "Mehmet" and "محمد" coincide.
    /// </summary>
    internal static NameToken Recognize(NameToken token) =>
        BySpelling.Value.TryGetValue(token.Spelling, out var known) ? token with { KnownName = known.Name, Key = known.Key } : token;

    private static FrozenDictionary<string, (string Name, string Key)> Build()
    {
        var bySpelling = new Dictionary<string, (string Name, string Key)>(StringComparer.Ordinal);
        foreach (var row in Table)
        {
            var canonical = NameTokenizer.TokenizeWithoutKnownNames(new NameVariant(row[0])).Single();
            foreach (var spelling in row)
            {
                var token = NameTokenizer.TokenizeWithoutKnownNames(new NameVariant(spelling)).Single();
                if (!bySpelling.TryAdd(token.Spelling, (row[0], canonical.Key)) && bySpelling[token.Spelling].Name != row[0])
                {
                    throw new InvalidOperationException($"'{spelling}' is listed under both {bySpelling[token.Spelling].Name} and {row[0]}.");
                }
            }
        }

        return bySpelling.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
