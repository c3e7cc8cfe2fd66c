using System.Text.RegularExpressions;
using BackCare.Bot.Content;
using BackCare.Bot.Tests.Routing;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// The answers added for what patients ask and the current-evidence edits of issue 10 (items 11 and 12): what each
/// must say, so that an edit that drops a safety point or brings back a dated message fails.
/// </summary>
public sealed partial class NewAnswersContentTests
{
    private const string EmergencyLine = "Call [[emergencyNumber]] (or your local emergency number)";

    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    private static readonly string[] Signposts =
        ["topic:scans", "topic:back-braces", "topic:physio-or-chiropractor", "topic:inflammatory-stiffness", "topic:children-and-teens"];

    public static TheoryData<string> NewIds() => new(NewSubjectsTests.NewIds);

    [Theory]
    [MemberData(nameof(NewIds))]
    public void Each_new_subject_has_an_answer_with_related_answers(string id)
    {
        var answer = Knowledge.FindAnswer(id);

        Assert.NotNull(answer);
        Assert.NotEmpty(answer.Related);
    }

    [Theory]
    [MemberData(nameof(NewIds))]
    public void A_new_answer_that_mentions_an_emergency_gives_the_local_number_with_the_fallback_phrase(string id)
    {
        var answer = Knowledge.FindAnswer(id)!;
        var all = answer.Text + " " + answer.More;

        if (EmergencyWords().IsMatch(all) || all.Contains("[[emergency", StringComparison.Ordinal))
        {
            Assert.Contains(EmergencyLine, all, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("topic:sciatica")]
    [InlineData("topic:sex")]
    public void Answers_near_the_cauda_equina_signs_carry_the_emergency_line(string id)
    {
        var answer = Knowledge.FindAnswer(id)!;

        Assert.Contains(EmergencyLine, answer.Text + " " + answer.More, StringComparison.Ordinal);
        Assert.Contains("genitals or bottom", answer.Text + " " + answer.More, StringComparison.Ordinal);
    }

    [Fact]
    public void Signposts_say_where_to_go_and_stay_short()
    {
        foreach (var id in Signposts)
        {
            var answer = Knowledge.FindAnswer(id)!;
            Assert.Contains("GP", answer.Text, StringComparison.Ordinal);
            Assert.Null(answer.More);
            Assert.True(answer.Text.Length <= 300, $"{id} is {answer.Text.Length} characters; a signpost says where to go and no more");
        }
    }

    [Fact]
    public void Painkillers_send_to_a_pharmacist_first_and_say_paracetamol_alone_is_not_recommended_and_pregnancy_needs_advice()
    {
        var text = Knowledge.FindAnswer("topic:painkillers")!.Text;

        Assert.Contains("pharmacist is the best first stop", text, StringComparison.Ordinal);
        Assert.Contains("Paracetamol on its own isn't recommended", text, StringComparison.Ordinal);
        Assert.Contains("pregnant", text, StringComparison.Ordinal);
        Assert.Contains("midwife, GP or pharmacist", text, StringComparison.Ordinal);
    }

    [Fact]
    public void How_long_agrees_with_the_three_week_review_and_the_four_to_six_week_GP_visit()
    {
        var text = Knowledge.FindAnswer("topic:how-long")!.Text;

        Assert.Contains("longer than three weeks", text, StringComparison.Ordinal);
        Assert.Contains("4 to 6 weeks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bed_rest_is_advised_against_and_work_encouraged()
    {
        var text = Knowledge.FindAnswer("topic:bed-rest-and-work")!.Text;

        Assert.Contains("Bed rest slows recovery", text, StringComparison.Ordinal);
        Assert.Contains("stay at work", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_answer_or_tip_tells_people_to_rest()
    {
        var texts = Knowledge.Answers.Select(a => (a.Id, Text: a.Text + " " + a.More))
            .Concat(Knowledge.Tips.Select(t => (t.Id, Text: t.Summary + " " + t.More)));

        // "Bed rest slows recovery" warns against it; any other "rest" would be advice to stop moving.
        Assert.All(texts, t => Assert.False(RestAdvice().IsMatch(t.Text.Replace("Bed rest", "", StringComparison.Ordinal)), $"{t.Id} says \"rest\"; say \"keep moving gently within comfort\""));
    }

    [Fact]
    public void Tips_follow_current_evidence()
    {
        var all = Knowledge.Tips.ToDictionary(t => t.Id, t => t.Summary + " " + t.More);

        Assert.Contains("No single posture", all["tip:posture"], StringComparison.Ordinal);
        Assert.Contains("change position often", all["tip:posture"], StringComparison.Ordinal);
        Assert.Contains("Any regular exercise you enjoy", all["tip:core"], StringComparison.Ordinal);
        Assert.Contains("bending to lift things is safe", all["tip:lifting"], StringComparison.Ordinal);
        Assert.Contains("kg", all["tip:lifting"], StringComparison.Ordinal);
        Assert.DoesNotMatch(Pounds(), all["tip:lifting"]);
        Assert.Contains("doesn't reach your spinal discs", all["tip:hydration"], StringComparison.Ordinal);
        Assert.Contains("healthy weight", all["tip:hydration"], StringComparison.Ordinal);
        Assert.Contains("not smoking", all["tip:hydration"], StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_follow_current_evidence()
    {
        var cracking = Knowledge.FindAnswer("topic:what-is-cracking")!;
        Assert.Contains("bubble suddenly forms", cracking.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("collapse", cracking.Text + cracking.More, StringComparison.OrdinalIgnoreCase);

        var roller = Knowledge.FindAnswer("topic:foam-roller-choice")!;
        Assert.Contains("between your shoulder blades and your lowest ribs", roller.More, StringComparison.Ordinal);
        Assert.Contains("never on your lower back", roller.More, StringComparison.Ordinal);

        var safe = Knowledge.FindAnswer("faq:safe-to-crack")!;
        Assert.Contains("diagnosed back condition or any warning signs", safe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("already have", safe.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(emergency|999|911|A&E)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmergencyWords();

    [GeneratedRegex(@"\brest\b", RegexOptions.IgnoreCase)]
    private static partial Regex RestAdvice();

    [GeneratedRegex(@"\b(pounds?|lbs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pounds();
}
