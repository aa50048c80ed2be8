using CoordinationHub.Samples.CsvGenerator;
using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Rows;

namespace CoordinationHub.Samples.Tests.CsvImporter;

/// <summary>What the importer is given to try it: the committed example and the generator's files read without a bad row.</summary>
public sealed class ExampleAndGeneratorTests
{
    [Fact]
    public void ExampleCsv_EveryRowReads_InBothScripts()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "example.csv"));

        var rows = ParseAll(reader);

        Assert.Equal(20, rows.Count);
        Assert.Contains(rows, r => r.Request.Sections.Identity.Names.Any(n => n.Script == Contracts.V1.NameScript.Arabic));
        Assert.Contains(rows, r => r.Request.Sections.Identity.Names.Any(n => n.Script == Contracts.V1.NameScript.Latin));
    }

    [Fact]
    public void Write_SameSeed_SameFile_AndEveryRowReads()
    {
        var first = Generate(seed: 42, rows: 500);
        var second = Generate(seed: 42, rows: 500);
        var other = Generate(seed: 43, rows: 500);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        using var reader = new StringReader(first);
        Assert.Equal(500, ParseAll(reader).Count);
    }

    internal static string Generate(int seed, int rows)
    {
        using var writer = new StringWriter();
        new MinistryCsvGenerator(seed).Write(writer, rows);
        return writer.ToString();
    }

    // Every row must read: a row the parser refuses fails the test here with its message.
    private static List<ImportRow> ParseAll(TextReader reader)
    {
        var records = CsvRecordReader.Read(reader).ToList();
        var parser = new MinistryRowParser(records[0], "interior-1");
        return [.. records.Skip(1).Select(parser.Parse)];
    }
}
