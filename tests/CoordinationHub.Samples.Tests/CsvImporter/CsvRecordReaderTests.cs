using System.Text;
using CoordinationHub.Samples.CsvImporter.Csv;

namespace CoordinationHub.Samples.Tests.CsvImporter;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasAndQuotes_KeepsThemWhole()
    {
        var records = Read("a,\"Fallujah, al-Jolan\",\"the \"\"Palestine branch\"\"\",\n");

        var record = Assert.Single(records);
        Assert.Equal(["a", "Fallujah, al-Jolan", "the \"Palestine branch\"", ""], record.Fields);
    }

    [Fact]
    public void Read_LineBreakInsideQuotes_OneRecordNumberedByItsFirstLine()
    {
        var records = Read("h1,h2\r\nx,\"first line\r\nsecond line\"\r\ny,z\r\n");

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal("first line\nsecond line", records[1].Fields[1]);
        Assert.Equal(["y", "z"], records[2].Fields);
    }

    [Fact]
    public void Read_BlankLines_SkippedButCountedInLineNumbers()
    {
        var records = Read("h\n\na\n\nb\n");

        Assert.Equal([1, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_Utf8ArabicWithByteOrderMark_ReadsTheLetters()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("reference,name_ar\nMOI/1,محمد عبد الله الحسن\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        var records = CsvRecordReader.Read(reader).ToList();

        Assert.Equal("reference", records[0].Fields[0]);
        Assert.Equal("محمد عبد الله الحسن", records[1].Fields[1]);
    }

    [Fact]
    public void Read_UnterminatedQuote_NamesTheLineItStarts()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("h\n\"never closed\nmore\n"));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Refused()
    {
        Assert.Throws<CsvFormatException>(() => Read("\"a\"b,c\n"));
    }

    [Fact]
    public void Line_WhatItWrites_ReadsBackTheSame()
    {
        string[] fields = ["MOI/1", "Fallujah, al-Jolan", "said \"wait\"", "two\nlines", "محمد"];

        var record = Assert.Single(Read(CsvFields.Line(fields) + "\n"));

        Assert.Equal(fields, record.Fields);
    }

    private static List<CsvRecord> Read(string text)
    {
        using var reader = new StringReader(text);
        return [.. CsvRecordReader.Read(reader)];
    }
}
