using BackCare.Bot.Text;

namespace BackCare.Bot.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("stretch", "stretch", 0)]
    [InlineData("", "", 0)]
    [InlineData("", "back", 4)]
    [InlineData("back", "", 4)]
    [InlineData("bak", "back", 1)]
    [InlineData("bacck", "back", 1)]
    [InlineData("pack", "back", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Bounded(a, b, max: 10));
        Assert.Equal(expected, EditDistance.Bounded(a, b, max: 10, swapIsOneEdit: false));
    }

    [Theory]
    [InlineData("hydartion", "hydration")]
    [InlineData("kene", "knee")]
    [InlineData("ab", "ba")]
    public void An_adjacent_swap_is_one_edit_unless_asked_otherwise(string a, string b)
    {
        Assert.Equal(1, EditDistance.Bounded(a, b, max: 5));
        Assert.Equal(2, EditDistance.Bounded(a, b, max: 5, swapIsOneEdit: false));
    }

    [Fact]
    public void A_swap_counts_once_only_when_nothing_else_edits_the_swapped_letters()
    {
        // Optimal string alignment, not full Damerau: "ca" to "abc" is 3 (the swapped pair cannot be edited again).
        Assert.Equal(3, EditDistance.Bounded("ca", "abc", max: 5));
    }

    [Theory]
    [InlineData("stretching", "st", 2)]
    [InlineData("posture", "lifting", 1)]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("abcdef", "ghijkl", 0)]
    public void Stops_at_max_plus_one_once_the_distance_is_known_to_exceed_max(string a, string b, int max) =>
        Assert.Equal(max + 1, EditDistance.Bounded(a, b, max));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("hydartion", "hydration", 1)]
    public void Gives_the_exact_distance_when_it_equals_max(string a, string b, int max) =>
        Assert.Equal(max, EditDistance.Bounded(a, b, max));

    [Fact]
    public void Is_symmetric()
    {
        string[] words = ["back", "bakc", "stretch", "strech", "knee", "kene", "hydration", "hydartion", ""];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                Assert.Equal(EditDistance.Bounded(a, b, 20), EditDistance.Bounded(b, a, 20));
                Assert.Equal(EditDistance.Bounded(a, b, 20, swapIsOneEdit: false), EditDistance.Bounded(b, a, 20, swapIsOneEdit: false));
            }
        }
    }
}
