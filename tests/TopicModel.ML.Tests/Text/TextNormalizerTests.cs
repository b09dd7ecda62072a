using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("Ångström Łódź Straße", "angstrom lodz strasse")]
    [InlineData("Œuvre ﬁne-tuning Ærø", "oeuvre fine-tuning aero")]
    [InlineData("Dvořák Erdős Ťuring", "dvorak erdos turing")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("Plain ASCII, 2024!", "plain ascii, 2024!")]
    [InlineData("Αλφα", "αλφα")]
    public void Fold_lower_cases_and_strips_diacritics(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Fold(text));
    }

    [Fact]
    public void Fold_of_ascii_lower_case_returns_the_same_instance()
    {
        const string text = "already folded text";
        Assert.Same(text, TextNormalizer.Fold(text));
    }

    [Fact]
    public void Span_fold_can_keep_case_or_diacritics()
    {
        var destination = new char[TextNormalizer.MaxFoldedLength(6)];
        var n = TextNormalizer.Fold("Café ﬁ", destination, lowerCase: false, removeDiacritics: true);
        Assert.Equal("Cafe fi", new string(destination, 0, n));
        n = TextNormalizer.Fold("Café", destination, lowerCase: true, removeDiacritics: false);
        Assert.Equal("café", new string(destination, 0, n));
    }

    [Fact]
    public void Canonical_joins_alphanumeric_runs_with_single_spaces()
    {
        Assert.Equal("naive bayes for cafe reviews 2", TextNormalizer.Canonical("  Naïve-Bayes   for Café reviews (2)! "));
    }
}
