namespace TopicModel.Cli;

/// <summary>What the process exit code says; documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The job finished, but some input records were rejected (see the rejects file).</summary>
    public const int CompletedWithRejects = 1;
    /// <summary>Bad input or options: nothing (or only what was safe) was produced.</summary>
    public const int BadInput = 2;
    /// <summary>`notebook run`: a cell failed; the message names the notebook, cell and line.</summary>
    public const int NotebookFailed = 3;
    /// <summary>A bug: an unexpected exception. The message asks for a report.</summary>
    public const int InternalError = 70;
    /// <summary>Interrupted by Ctrl+C / SIGINT; finished work was kept.</summary>
    public const int Interrupted = 130;
}
