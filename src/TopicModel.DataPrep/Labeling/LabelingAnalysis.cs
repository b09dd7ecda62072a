namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Measures labeling functions and label models on a label matrix (Snorkel's LFAnalysis plus
/// agreement with reviewed labels): coverage, overlaps, conflicts, empirical accuracy, label
/// distributions, accuracy and macro-F1.
/// </summary>
public static class LabelingAnalysis
{
    public static LabelingReport Analyze(LabelMatrix matrix, IReadOnlyList<IFittedLabelModel>? models = null, IReadOnlyList<ReviewedLabel>? reviewed = null)
    {
        var n = matrix.PaperCount;
        var m = matrix.FunctionCount;
        var k = matrix.ClassCount;
        var gold = GoldClasses(matrix, reviewed);

        var votes = new int[m];
        var overlaps = new int[m];
        var conflicts = new int[m];
        var correct = new int[m];
        var incorrect = new int[m];
        var polarity = new bool[m, k];
        var pairConflicts = new int[m, m];
        var coVotes = new int[k, k];
        var covered = 0;
        var topicsVoted = new bool[k];
        for (var i = 0; i < n; i++)
        {
            var row = matrix.Votes(i);
            var voters = 0;
            Array.Clear(topicsVoted);
            foreach (var v in row)
            {
                if (v == LabelMatrix.Abstain) continue;
                voters++;
                topicsVoted[v] = true;
            }
            if (voters == 0) continue;
            covered++;
            for (var a = 0; a < k; a++)
            {
                if (!topicsVoted[a]) continue;
                for (var b = 0; b < k; b++)
                {
                    if (topicsVoted[b]) coVotes[a, b]++;
                }
            }
            for (var j = 0; j < m; j++)
            {
                var v = row[j];
                if (v == LabelMatrix.Abstain) continue;
                votes[j]++;
                polarity[j, v] = true;
                if (voters > 1) overlaps[j]++;
                var disagrees = false;
                for (var other = 0; other < m; other++)
                {
                    if (other == j || row[other] == LabelMatrix.Abstain || row[other] == v) continue;
                    disagrees = true;
                    pairConflicts[j, other]++;
                }
                if (disagrees) conflicts[j]++;
                if (gold[i] >= 0)
                {
                    if (gold[i] == v) correct[j]++;
                    else incorrect[j]++;
                }
            }
        }

        var hasGold = reviewed is not null;
        var functions = new FunctionSummary[m];
        for (var j = 0; j < m; j++)
        {
            var judged = correct[j] + incorrect[j];
            functions[j] = new FunctionSummary(
                matrix.FunctionNames[j],
                Enumerable.Range(0, k).Where(c => polarity[j, c]).Select(c => matrix.ClassNames[c]).ToArray(),
                votes[j],
                Share(votes[j], n),
                Share(overlaps[j], n),
                Share(conflicts[j], n),
                hasGold ? correct[j] : null,
                hasGold ? incorrect[j] : null,
                judged > 0 ? (double)correct[j] / judged : null);
        }

        return new LabelingReport(
            n,
            covered,
            Share(covered, n),
            n == 0 ? 0 : 1 - Share(covered, n),
            gold.Count(g => g >= 0),
            functions,
            ToMatrix(matrix.FunctionNames, pairConflicts, n),
            ToMatrix(matrix.ClassNames, coVotes, 1),
            (models ?? []).Select(model => Summarize(model, matrix, gold)).ToArray());
    }

    /// <summary>Macro-averaged F1 over the classes that occur in <paramref name="gold"/> or <paramref name="predicted"/>.</summary>
    public static double MacroF1(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, int classCount)
    {
        var tp = new int[classCount];
        var goldCount = new int[classCount];
        var predictedCount = new int[classCount];
        for (var i = 0; i < gold.Count; i++)
        {
            goldCount[gold[i]]++;
            predictedCount[predicted[i]]++;
            if (gold[i] == predicted[i]) tp[gold[i]]++;
        }
        double sum = 0;
        var present = 0;
        for (var c = 0; c < classCount; c++)
        {
            if (goldCount[c] + predictedCount[c] == 0) continue;
            present++;
            // F1 = 2TP / (2TP + FP + FN) = 2TP / (predicted + gold); 0 when the class is never hit.
            sum += 2.0 * tp[c] / (goldCount[c] + predictedCount[c]);
        }
        return present == 0 ? 0 : sum / present;
    }

    private static LabelModelSummary Summarize(IFittedLabelModel model, LabelMatrix matrix, int[] gold)
    {
        var labels = model.Predict(matrix);
        var counts = new int[matrix.ClassCount];
        var labeled = 0;
        var goldCompared = new List<int>();
        var predictedCompared = new List<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not { } label) continue;
            var c = IndexOf(matrix.ClassNames, label.Topic);
            counts[c]++;
            labeled++;
            if (gold[i] < 0) continue;
            goldCompared.Add(gold[i]);
            predictedCompared.Add(c);
        }
        var distribution = matrix.ClassNames.Select((t, c) => new TopicCount(t, counts[c], Share(counts[c], labeled))).ToArray();
        var compared = goldCompared.Count;
        double? accuracy = compared == 0 ? null : (double)goldCompared.Where((g, i) => g == predictedCompared[i]).Count() / compared;
        double? macroF1 = compared == 0 ? null : MacroF1(goldCompared, predictedCompared, matrix.ClassCount);
        return new LabelModelSummary(model.Name, labeled, distribution, model.Functions, compared, accuracy, macroF1);
    }

    /// <summary>Reviewed class per paper of the matrix, -1 where none.</summary>
    private static int[] GoldClasses(LabelMatrix matrix, IReadOnlyList<ReviewedLabel>? reviewed)
    {
        var gold = new int[matrix.PaperCount];
        Array.Fill(gold, -1);
        if (reviewed is null) return gold;
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in reviewed) byId.TryAdd(r.Id, r.Topic);
        for (var i = 0; i < gold.Length; i++)
        {
            if (byId.TryGetValue(matrix.PaperIds[i], out var topic)) gold[i] = IndexOf(matrix.ClassNames, topic);
        }
        return gold;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var c = 0; c < names.Count; c++)
        {
            if (names[c] == name) return c;
        }
        throw new ML.TopicModelException($"topic '{name}' is not one of the label matrix's classes ({string.Join(", ", names)})");
    }

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;

    private static PairwiseMatrix ToMatrix(IReadOnlyList<string> names, int[,] counts, int divisor)
    {
        var size = names.Count;
        var rows = new IReadOnlyList<double>[size];
        for (var a = 0; a < size; a++)
        {
            var row = new double[size];
            for (var b = 0; b < size; b++) row[b] = divisor == 0 ? 0 : (double)counts[a, b] / divisor;
            rows[a] = row;
        }
        return new PairwiseMatrix(names, rows);
    }
}
