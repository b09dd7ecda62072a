// The runner changes the current directory and console while a notebook runs: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
