using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Tests.Routing.Semantic;

/// <summary>The classifier on small vectors whose answer is known, and on the shipped examples with the real model.</summary>
public sealed class RidgeClassifierTests
{
    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Each_training_vector_scores_highest_for_its_own_label()
    {
        float[][] vectors = [Unit(1, 0, 0), Unit(0.9f, 0.1f, 0), Unit(0, 1, 0), Unit(0.1f, 0.9f, 0), Unit(0, 0, 1), Unit(0, 0.1f, 0.9f)];
        int[] labels = [0, 0, 1, 1, 2, 2];

        var classifier = RidgeClassifier.Train(vectors, labels, 3, lambda: 0.01);

        for (var i = 0; i < vectors.Length; i++)
        {
            var scores = classifier.Scores(vectors[i]);
            Assert.Equal(labels[i], Array.IndexOf(scores, scores.Max()));
        }
    }

    [Fact]
    public void Scores_read_like_probabilities_summing_to_about_one()
    {
        float[][] vectors = [Unit(1, 0.2f, 0), Unit(0.2f, 1, 0), Unit(0, 0.2f, 1)];
        var classifier = RidgeClassifier.Train(vectors, [0, 1, 2], 3, lambda: 0.1);

        var scores = classifier.Scores(Unit(0.9f, 0.3f, 0.1f));

        Assert.InRange(scores.Sum(), 0.9, 1.1);
        Assert.True(scores[0] > 0.5, string.Join(", ", scores));
    }

    [Fact]
    public void A_larger_penalty_makes_the_scores_less_certain()
    {
        float[][] vectors = [Unit(1, 0), Unit(0, 1)];
        var sharp = RidgeClassifier.Train(vectors, [0, 1], 2, lambda: 0.01).Scores(vectors[0]);
        var smooth = RidgeClassifier.Train(vectors, [0, 1], 2, lambda: 10).Scores(vectors[0]);

        Assert.True(sharp[0] - sharp[1] > smooth[0] - smooth[1], $"{sharp[0] - sharp[1]} vs {smooth[0] - smooth[1]}");
    }

    [Fact]
    public void Labels_that_do_not_fit_are_refused()
    {
        float[][] vectors = [Unit(1, 0), Unit(0, 1)];

        Assert.Throws<ArgumentException>(() => RidgeClassifier.Train(vectors, [0], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeClassifier.Train(vectors, [0, 2], 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeClassifier.Train(vectors, [0, 1], 2, 0));
    }

    // Wordings in no example: what all of an id's examples share decides, not one close line.
    [Theory]
    [InlineData("my little one refuses to nap in the afternoon, any ideas?", "none")]
    [InlineData("do I need to take my earrings out for an ankle MRI", "none")]
    [InlineData("my physio says rolling, my pilates teacher says stretching: which one for a tight lower back?", "faq:foam-vs-stretch")]
    public void The_classifier_reads_unseen_wording_by_what_an_ids_examples_share(string text, string intent)
    {
        var matches = SharedSemanticMatcher.Default.Match(text, int.MaxValue);

        var best = matches.MaxBy(m => m.Confidence)!;
        Assert.True(best.Intent == intent, $"\"{text}\": expected {intent}, got {string.Join(", ", matches.OrderByDescending(m => m.Confidence).Take(4).Select(m => $"{m.Intent} {m.Confidence:0.00}"))}");
    }
}
