namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// A linear reader of sentence vectors, learned from the example phrasings: ridge regression onto one column per
/// routing id (1 for the example's id, 0 for the others), W = (XᵀX + λI)⁻¹XᵀY, with a bias. A message's score for an
/// id estimates how likely the id is (about 0..1; they sum to about 1). Unlike the nearest example, it weighs every
/// example of an id against every other id's, so what a subject's lines share counts and one stray close line does
/// not: on sets nobody tuned on it picks the right id more often (BENCHMARKS.md, "Routing on unseen wording").
/// Trained in closed form, deterministically, in a fraction of a second; immutable afterwards, so thread-safe.
/// </summary>
public sealed class RidgeClassifier
{
    private readonly float[][] _weights;
    private readonly float[] _bias;

    private RidgeClassifier(float[][] weights, float[] bias)
    {
        _weights = weights;
        _bias = bias;
    }

    /// <summary>How many ids it scores.</summary>
    public int Classes => _bias.Length;

    /// <param name="vectors">The examples' unit vectors, all of one length.</param>
    /// <param name="labels">Each example's id, 0 ≤ label &lt; <paramref name="classes"/>.</param>
    /// <param name="classes">How many ids.</param>
    /// <param name="lambda">The ridge penalty: larger keeps the weights smaller and the scores smoother.</param>
    public static RidgeClassifier Train(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int classes, double lambda)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        if (vectors.Count == 0 || vectors.Count != labels.Count)
        {
            throw new ArgumentException("Need one label per vector, and at least one vector.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);

        // The bias is one more input that is always 1 (penalised like the rest: with unit vectors that costs nothing measurable).
        var d = vectors[0].Length + 1;
        var gram = new double[d * d];
        var targets = new double[d * classes];
        var row = new double[d];
        for (var n = 0; n < vectors.Count; n++)
        {
            var vector = vectors[n];
            if (vector.Length != d - 1)
            {
                throw new ArgumentException("The vectors differ in length.", nameof(vectors));
            }

            if ((uint)labels[n] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[n], "A label is not a class.");
            }

            for (var i = 0; i < d - 1; i++)
            {
                row[i] = vector[i];
            }

            row[d - 1] = 1;
            for (var i = 0; i < d; i++)
            {
                var ri = row[i];
                var offset = i * d;
                for (var j = i; j < d; j++)
                {
                    gram[offset + j] += ri * row[j];
                }

                targets[(i * classes) + labels[n]] += ri;
            }
        }

        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                gram[(i * d) + j] = gram[(j * d) + i];
            }

            gram[(i * d) + i] += lambda;
        }

        var solution = CholeskySolve(gram, targets, d, classes);
        var weights = new float[classes][];
        var bias = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            weights[c] = new float[d - 1];
            for (var i = 0; i < d - 1; i++)
            {
                weights[c][i] = (float)solution[(i * classes) + c];
            }

            bias[c] = (float)solution[((d - 1) * classes) + c];
        }

        return new RidgeClassifier(weights, bias);
    }

    /// <summary>The score of every id for one vector, in label order.</summary>
    public float[] Scores(ReadOnlySpan<float> vector)
    {
        var scores = new float[_bias.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = _bias[c] + VectorMath.Dot(_weights[c], vector);
        }

        return scores;
    }

    /// <summary>Solves A·X = B for a symmetric positive definite A (d×d, row-major) and B (d×m) by Cholesky factorisation.</summary>
    private static double[] CholeskySolve(double[] a, double[] b, int d, int m)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * d) + k] * l[(j * d) + k];
                }

                l[(i * d) + j] = i == j ? Math.Sqrt(sum) : sum / l[(j * d) + j];
            }
        }

        var x = new double[d * m];
        var z = new double[d];
        for (var c = 0; c < m; c++)
        {
            for (var i = 0; i < d; i++)
            {
                var sum = b[(i * m) + c];
                for (var k = 0; k < i; k++)
                {
                    sum -= l[(i * d) + k] * z[k];
                }

                z[i] = sum / l[(i * d) + i];
            }

            for (var i = d - 1; i >= 0; i--)
            {
                var sum = z[i];
                for (var k = i + 1; k < d; k++)
                {
                    sum -= l[(k * d) + i] * x[(k * m) + c];
                }

                x[(i * m) + c] = sum / l[(i * d) + i];
            }
        }

        return x;
    }
}
