using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

public sealed class NameTokenizerTests
{
    [Theory]
    // Nasab particles are not names.
    [InlineData("Ahmed bin Ali ibn Hassan", "ahmed ali hasan")]
    [InlineData("Sidi Ould Mohamed", "sidi mohamed")]
    [InlineData("احمد بن علي", "احمد علي")]
    // Articles, spaced, hyphenated, assimilated or glued, are not part of the name.
    [InlineData("Omar al-Tikriti", "omar tikriti")]
    [InlineData("Omar El Tikriti", "omar tikriti")]
    [InlineData("Abd ar-Rahman", "abdalrahman")]
    [InlineData("Omar Altikriti", "omar tikriti")]
    // Compounds are one token however they are written.
    [InlineData("Abdel Kader", "abdalkader")]
    [InlineData("Abd al-Qadir", "abdalqadir")]
    [InlineData("Abdurrahman", "abdalrahman")]
    [InlineData("Nour Eddine", "nuraldin")]
    [InlineData("Nuruddin", "nuraldin")]
    [InlineData("Abou Bakr", "abubakr")]
    [InlineData("صلاح الدين", "صلاحالدين")]
    public void Tokenize_Name_GivesSpellings(string name, string expected)
    {
        var spellings = string.Join(' ', NameTokenizer.Tokenize(new NameVariant(name)).Select(t => t.Spelling));

        Assert.Equal(expected, spellings);
    }

    [Theory]
    [InlineData("Mehmet", "Muhammad")]
    [InlineData("محمد", "Muhammad")]
    [InlineData("Hocine", "Husayn")]
    [InlineData("Brahim", "Ibrahim")]
    [InlineData("Abdulla", "Abdallah")]
    [InlineData("Osman", "Uthman")]
    [InlineData("Tikriti", null)]
    public void Tokenize_CommonName_RecognisesKnownVariant(string name, string? expected) =>
        Assert.Equal(expected, NameTokenizer.Tokenize(new NameVariant(name)).Single().KnownName);

    [Theory]
    [InlineData("محمد علي", NameScript.Arabic)]
    [InlineData("Mohamed Ali", NameScript.Latin)]
    [InlineData("Ali محمد عبدالله", NameScript.Arabic)]
    [InlineData("Mohamed Abdallah علي", NameScript.Latin)]
    public void DetectScript_Text_GivesMajorityScript(string text, NameScript expected) =>
        Assert.Equal(expected, NameTokenizer.DetectScript(text));
}
