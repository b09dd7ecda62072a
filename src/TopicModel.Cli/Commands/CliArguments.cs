using System.CommandLine;

namespace TopicModel.Cli.Commands;

/// <summary>Checks System.CommandLine does not make on its own, shared by the verbs.</summary>
public static class CliArguments
{
    /// <summary>
    /// A token like "--bogus" among file arguments is a mistyped option, not a file (a file named so is "./--bogus");
    /// "-" alone is standard input.
    /// </summary>
    public static Argument<string[]> RejectingUnknownOptions(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(v => v.Length > 1 && v[0] == '-'))
                result.AddError($"unknown option '{token}' (a file whose name starts with '-' is given as ./{token})");
        });
        return argument;
    }

    public static Option<int> AtLeast(this Option<int> option, int minimum, string meaning)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum) result.AddError($"{option.Name}: must be at least {minimum} ({meaning}), got {value}");
        });
        return option;
    }
}
