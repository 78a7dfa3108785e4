using Grid.LoadTest;

// grid-load --url http://127.0.0.1:5080 --rate 200 --seconds 60 [--mix requests|day|kind=weight,...]; see Cli.Help.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return await Cli.RunAsync(args, Console.Out, Console.Error, stop: stop.Token);
