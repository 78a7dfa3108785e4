using Grid.Planning.Cli;

return PlanCommand.Run(args, Console.Out, Console.Error);
