using System.CommandLine;
using System.Text;
using CoordinationHub.Samples.CsvGenerator;

var rows = new Option<int>("--rows") { Description = "How many rows to write (1-1000000)", DefaultValueFactory = _ => 1000, HelpName = "n" };
var seed = new Option<int>("--seed") { Description = "Generator seed: the same seed writes the same file", DefaultValueFactory = _ => 1, HelpName = "s" };
var output = new Option<FileInfo?>("--out") { Description = "The CSV file to write; standard output when omitted", HelpName = "file.csv" };
var root = new RootCommand(
    "Writes a ministry CSV of invented missing persons (Arabic and Latin names, Iraqi, Syrian and Libyan places) for the CSV importer. " +
    "For demo and test hubs only: the persons do not exist.")
{
    rows, seed, output,
};
rows.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 1 or > 1_000_000)
    {
        result.AddError("--rows must be 1 to 1000000.");
    }
});
root.SetAction(parse =>
{
    var generator = new MinistryCsvGenerator(parse.GetValue(seed));
    if (parse.GetValue(output) is { } file)
    {
        using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        generator.Write(writer, parse.GetValue(rows));
    }
    else
    {
        Console.OutputEncoding = Encoding.UTF8;
        generator.Write(Console.Out, parse.GetValue(rows));
    }
});
return await root.Parse(args).InvokeAsync();
