using BackCare.Bot.Routing.Semantic;

namespace BackCare.Bot.Benchmarks.Routing;

/// <summary>Ways of reading the example vectors that were compared with the shipped one (routing --compare-classifiers).</summary>
internal static class Classifiers
{
    public static float Dot(float[] a, float[] b)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>The shipped classifier (<see cref="RidgeClassifier"/>) with the given penalty.</summary>
    public static Func<float[], double[]> Ridge(float[][] x, int[] y, int classes, double lambda)
    {
        var classifier = RidgeClassifier.Train(x, y, classes, lambda);
        return v => Array.ConvertAll(classifier.Scores(v), s => (double)s);
    }

    /// <summary>Softmax regression by full-batch gradient descent with momentum.</summary>
    public static Func<float[], double[]> Softmax(float[][] x, int[] y, int classes, double lambda, int iterations, double rate, double scale)
    {
        var d = x[0].Length;
        var n = x.Length;
        var w = new float[classes][];
        var vel = new float[classes][];
        for (var c = 0; c < classes; c++) { w[c] = new float[d]; vel[c] = new float[d]; }
        var bias = new double[classes];
        var vb = new double[classes];
        var grad = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            grad[c] = new float[d];
        }

        var p = new double[classes];
        for (var it = 0; it < iterations; it++)
        {
            foreach (var g in grad)
            {
                Array.Clear(g);
            }

            var gb = new double[classes];
            for (var k = 0; k < n; k++)
            {
                var max = double.MinValue;
                for (var c = 0; c < classes; c++) { p[c] = (scale * Dot(w[c], x[k])) + bias[c]; max = Math.Max(max, p[c]); }
                var sum = 0.0;
                for (var c = 0; c < classes; c++) { p[c] = Math.Exp(p[c] - max); sum += p[c]; }
                for (var c = 0; c < classes; c++)
                {
                    var e = (float)((p[c] / sum) - (c == y[k] ? 1 : 0));
                    gb[c] += e;
                    if (Math.Abs(e) < 1e-5)
                    {
                        continue;
                    }

                    var gc = grad[c];
                    var xk = x[k];
                    for (var i = 0; i < d; i++)
                    {
                        gc[i] += e * xk[i];
                    }
                }
            }

            for (var c = 0; c < classes; c++)
            {
                for (var i = 0; i < d; i++)
                {
                    var g = (scale * grad[c][i] / n) + (lambda * w[c][i]);
                    vel[c][i] = (0.9f * vel[c][i]) - (float)(rate * g);
                    w[c][i] += vel[c][i];
                }

                vb[c] = (0.9 * vb[c]) - (rate * gb[c] / n);
                bias[c] += vb[c];
            }
        }

        return v =>
        {
            var s = new double[classes];
            var max = double.MinValue;
            for (var c = 0; c < classes; c++) { s[c] = (scale * Dot(w[c], v)) + bias[c]; max = Math.Max(max, s[c]); }
            var sum = 0.0;
            for (var c = 0; c < classes; c++) { s[c] = Math.Exp(s[c] - max); sum += s[c]; }
            for (var c = 0; c < classes; c++)
            {
                s[c] /= sum;
            }

            return s;
        };
    }

    /// <summary>Per id: the mean of its <paramref name="k"/> closest examples' similarities.</summary>
    public static Func<float[], double[]> TopK(float[][] x, int[] y, int classes, int k) => v =>
    {
        var sims = new List<float>[classes];
        for (var c = 0; c < classes; c++)
        {
            sims[c] = [];
        }

        for (var e = 0; e < x.Length; e++)
        {
            sims[y[e]].Add(Dot(x[e], v));
        }

        return sims.Select(s => s.Count == 0 ? -1 : s.OrderByDescending(t => t).Take(k).Average(t => (double)t)).ToArray();
    };

    /// <summary>Per id: similarity to the normalised mean of its examples.</summary>
    public static Func<float[], double[]> Centroid(float[][] x, int[] y, int classes)
    {
        var centroids = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            centroids[c] = new float[x[0].Length];
        }

        for (var e = 0; e < x.Length; e++)
        {
            for (var i = 0; i < x[e].Length; i++)
            {
                centroids[y[e]][i] += x[e][i];
            }
        }

        foreach (var m in centroids)
        {
            var norm = MathF.Sqrt(Dot(m, m));
            if (norm > 0)
            {
                for (var i = 0; i < m.Length; i++)
                {
                    m[i] /= norm;
                }
            }
        }

        return v => centroids.Select(m => (double)Dot(m, v)).ToArray();
    }
}
