namespace CoordinationHub.Domain.Tests.Matching;

/// <summary>Hand-checked pairs that are the same person's name and must be flagged on the names alone.</summary>
public sealed class NamePairsThatMatchTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        // Arabic against the English rendering of the same given and family name.
        { "محمد التكريتي", "Mohammed al-Tikriti" },
        // Muhammad spelt three ways, Abdallah glued or spaced, with or without the article.
        { "محمد عبد الله", "Mohamed Abdallah" },
        { "Mohamed Abdallah", "Muhammad Abd al-Lah" },
        { "Mohammed Abdullah", "Muhammad Abdalla" },
        // Turkish rendering of Muhammad.
        { "Mehmet Ali Hussein", "Mohamed Ali Hussein" },
        // Abd al-Rahman: French assimilated article against English and Arabic.
        { "Abderrahmane Tikriti", "Abdul Rahman al-Tikriti" },
        { "عبد الرحمن التكريتي", "Abdulrahman Al Tikriti" },
        // Abd al-Qadir: glued French form against scholarly and Arabic forms.
        { "Abdelkader Jbouri", "ʿAbd al-Qādir al-Jubūrī" },
        { "عبد القادر الجبوري", "Abdul Qadir al-Jubouri" },
        // Hussein variants and Turkish Hüseyin.
        { "Hussein Ali al-Obaidi", "Husayn ʿAlī al-ʿUbaydī" },
        { "Hüseyin Ali Obeidi", "حسين علي العبيدي" },
        // Yusuf: French, English, Arabic; ould is a nasab particle.
        { "Youssef Ould Ahmed", "يوسف ولد أحمد" },
        { "Yousef Ahmed", "Yusuf Ahmad" },
        // Omar/Umar with ayn mark, and the grandfather's name left out by one agency.
        { "ʿUmar Khālid Saʿd al-Dulaymī", "Omar Khaled al-Dulaimi" },
        // Osama/Usama, ta marbuta written as a or ah.
        { "Oussama Saadi", "Usamah al-Saadi" },
        // Nour al-Din spaced, glued and in Arabic.
        { "Noureddine Ben Ali", "نور الدين بن علي" },
        { "Nour Eddine Hachemi", "Nur al-Din al-Hashimi" },
        // Salah al-Din glued and spaced.
        { "Salaheddine Kurdi", "Salah al-Din al-Kurdi" },
        // Abu Bakr glued in French, spaced in Arabic.
        { "Aboubakr Zintani", "أبو بكر الزنتاني" },
        // Fatima with ta marbuta as ha in Arabic, Fatma in French.
        { "فاطمه حسن الجنابي", "Fatma Hassan Jenabi" },
        // Aisha: French ch for shin, Arabic with hamza on ya.
        { "Aicha Brahim Warfalli", "عائشة إبراهيم الورفلي" },
        // Khadija: French dj.
        { "Khadidja Mahmoud Senussi", "Khadija Mahmud al-Sanusi" },
        // Zainab/Zeineb, Meriem/Maryam.
        { "Zeineb Karim Temimi", "Zainab Kareem al-Tamimi" },
        // Egyptian g for jim: Gamal/Jamal, Djamel in the Maghreb.
        { "Gamal Abdel Nasser", "Djamel Abdenasser" },
        // Qaf as k, k as q: Kacem/Qasim.
        { "Kacem Misrati", "Qasim al-Misrati" },
        // Sh written ch: Hichem/Hisham.
        { "Hichem Rachid Chammari", "Hisham Rasheed al-Shammari" },
        // Iraqi four-part nasab chain against the two-part form another agency keeps.
        { "علي حسين جاسم الربيعي", "Ali al-Rubaie" },
        // Dotted scholarly letters against plain English.
        { "Muṣṭafā Ṭāriq al-Ḥalabī", "Mustafa Tariq al-Halabi" },
        // Ibn inserted by one clerk, not by the other.
        { "Ahmad ibn Hamid al-Khafaji", "Ahmed Hamed Khafadji" },
        // Persian keyboard letters (ی, ک) in an Arabic-script name.
        { "کریم علی", "كريم علي" },
        // Tashkeel and tatweel in one form, bare letters in the other.
        { "مُحَمَّد عَلِـــي", "محمد علي" },
        // Hamza forms on alef: أسامة / اسامه.
        { "أسامة إبراهيم", "اسامه ابراهيم" },
        // Surname in capitals (French administrative habit) and accents.
        { "Saïd Mohamed BARAASI", "Saeed Mohammed al-Barassi" },
        // Abd al-Aziz with ayn, against the glued French form.
        { "ʿAbd al-ʿAzīz al-Nuʿaymī", "Abdelaziz Naimi" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Assess_SamePersonNames_IsLikelyDuplicate(string a, string b)
    {
        var assessment = NamesOnly.Assess(a, b);

        Assert.True(assessment.IsLikelyDuplicate, NamesOnly.Explain(assessment));
    }
}
