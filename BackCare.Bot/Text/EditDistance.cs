namespace BackCare.Bot.Text;

/// <summary>
/// Edit distance between two words, shared by the router's typo correction and the choice prompts' tolerant matching.
/// By default an adjacent swap counts as one edit (optimal string alignment: "hydartion" is one edit from
/// "hydration"); without it this is plain Levenshtein, where a swap costs two.
/// </summary>
internal static class EditDistance
{
    /// <summary>The distance between a and b, or max + 1 as soon as it is known to exceed max (most pairs are far apart).</summary>
    public static int Bounded(string a, string b, int max, bool swapIsOneEdit = true)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (swapIsOneEdit && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // No later row can come back under max: each value is at least the row above's smallest.
            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
