using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TopicModel.Cli.Tests;

/// <summary>
/// The real `topicmodel` as a child process (the test output holds topicmodel.dll and its runtimeconfig), for
/// what only a process shows: Ctrl+C (SIGINT), a hard kill, and exit codes as the shell sees them.
/// </summary>
internal sealed partial class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    public CliProcess(params string[] args) : this(new Dictionary<string, string>(), args)
    {
    }

    /// <param name="environment">Variables set for the child on top of this process's (e.g. the runtime's DOTNET_ knobs).</param>
    public CliProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "topicmodel.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_err) _err.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }
    public bool HasExited => _process.HasExited;

    public TimeSpan ProcessorTime
    {
        get
        {
            try { _process.Refresh(); return _process.TotalProcessorTime; }
            catch (InvalidOperationException) { return TimeSpan.Zero; } // exited; WaitUntil reports it
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails if the process exits first or a generous deadline passes.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"exited ({_process.ExitCode}) before {what}\nstdout:\n{Out}\nstderr:\n{Err}");
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"never saw {what}\nstdout:\n{Out}\nstderr:\n{Err}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Ctrl+C: SIGINT to the process, as the terminal sends it.</summary>
    public void Interrupt()
    {
        // A child inherits an ignored SIGINT (e.g. a CI runner that started the tests in the background);
        // then Ctrl+C could not reach it at all, which is the environment's doing, not the CLI's.
        var ignored = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:"));
        if (ignored is not null && (Convert.ToUInt64(ignored[7..].Trim(), 16) & (1UL << 1)) != 0)
            throw new InvalidOperationException("SIGINT is ignored in this environment (inherited SIG_IGN); cannot test Ctrl+C");
        if (Kill(_process.Id, 2) != 0) throw new InvalidOperationException($"kill -INT failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>SIGTERM, as a service manager or `kill` sends it.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>A hard kill (SIGKILL): no handler runs, no cleanup happens.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public int WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"did not exit\nstdout:\n{Out}\nstderr:\n{Err}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
