namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// The light stemmer of the keyword matcher, run backwards: instead of stripping suffixes from
/// every text token (which conflates unrelated words: "rapid" and "rap", "encoder" and "code"),
/// each keyword word is expanded once into its regular inflections and a few derivations, and a
/// text token matches only when it equals one of them exactly. Keywords are never de-inflected:
/// "reasoning" does not match "reason" ("for this reason" is not about reasoning).
/// </summary>
internal static class Inflections
{
    public static IReadOnlyCollection<string> Of(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        // Acronyms and short or alphanumeric tokens ("api", "3d", "gsm8k") only take a plural:
        // inflecting them produces real words they have nothing to do with. Short words ending
        // in a silent e ("use") are words, not acronyms, and keep their verb forms.
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            if (!char.IsDigit(word[^1])) forms.Add(word + "s");
            if (word.Length == 3 && word[^1] == 'e' && !IsVowel(word[^2]))
            {
                forms.Add(word + "d");
                forms.Add(word[..^1] + "ing");
            }
            return forms;
        }

        var last = word[^1];
        var stem = word;
        if (last == 'y' && !IsVowel(word[^2]))
        {
            // memory -> memories, verify -> verified, verification
            var root = word[..^1];
            forms.Add(root + "ies");
            forms.Add(root + "ied");
            forms.Add(word + "ing");
            forms.Add(root + "ication");
            return forms;
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
            forms.Add(word + "es");
        else
            forms.Add(word + "s");

        if (last == 'e')
        {
            // evaluate -> evaluated, evaluating, evaluation; improve -> improvement; judge -> judgment
            stem = word[..^1];
            forms.Add(word + "d");
            forms.Add(word + "ment");
            if (!word.EndsWith("ee", StringComparison.Ordinal))
            {
                forms.Add(stem + "ing");
                forms.Add(stem + "ion");
                forms.Add(stem + "ment");
            }
            return forms;
        }

        foreach (var s in EndsConsonantVowelConsonant(word) ? new[] { word, word + last } : [word])
        {
            // plan -> planned, planning; forget -> forgetting; edit -> edited
            forms.Add(s + "ed");
            forms.Add(s + "ing");
        }
        if (!word.EndsWith("ing", StringComparison.Ordinal)) forms.Add(word + "ment");
        if (last == 't') forms.Add(word + "ion");           // correct -> correction
        if (word.EndsWith('l')) forms.Add(word + "ation");  // distill -> distillation
        if (word.EndsWith("ent", StringComparison.Ordinal) || word.EndsWith("al", StringComparison.Ordinal))
            forms.Add(word + "ly");                          // efficient -> efficiently
        return forms;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsConsonantVowelConsonant(string word)
    {
        var c = word[^1];
        return word.Length >= 3 && char.IsLetter(c) && !IsVowel(c) && c is not ('w' or 'x' or 'y')
            && IsVowel(word[^2]) && !IsVowel(word[^3]);
    }
}
