using Grid.Planning.Bench;

return args.FirstOrDefault() switch
{
    "grid" => GridBench.Run(args[1..]),
    "solomon" => SolomonBench.Run(args[1..]),
    "homberger" => HombergerBench.Run(args[1..]),
    "replan" => ReplanBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Planning.Bench -- grid [--seconds N] | solomon [--seconds N] [--filter R1] [--ortools] | homberger [--seconds N] [--filter C1] [--data DIR] [--no-ortools] | replan [--seconds N]");
    return 2;
}
