using System.CommandLine;
using TopicModel.Cli;
using TopicModel.Cli.Commands;

// `topicmodel-score [options] <inputs>...` is `topicmodel score [options] <inputs>...`: the same options, outputs and
// exit codes, from the same code.
var root = ScoreCommand.Configure(new RootCommand(ScoreCommand.Description), Console.Error);
return await CommandRunner.RunAsync(root, "topicmodel-score", args, Console.Out, Console.Error);
