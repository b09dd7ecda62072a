using TopicModel.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
