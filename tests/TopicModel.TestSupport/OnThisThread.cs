namespace TopicModel.TestSupport;

/// <summary>
/// Runs code with a task scheduler that executes every task at once on the calling thread, so that what the code
/// hands to <c>Task.Factory.StartNew</c> or <c>Parallel.For</c> (both use the current scheduler) is counted by
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>: the bundle loader reads its parts on all cores, and an allocation
/// bound on a pool thread would go unseen.
/// </summary>
public static class OnThisThread
{
    private static readonly InlineScheduler Scheduler = new();

    public static void Run(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.None, Scheduler).GetAwaiter().GetResult();

    public static T Run<T>(Func<T> func) =>
        Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.None, Scheduler).GetAwaiter().GetResult();

    private sealed class InlineScheduler : TaskScheduler
    {
        public override int MaximumConcurrencyLevel => 1;

        protected override void QueueTask(Task task) => TryExecuteTask(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => [];
    }
}
