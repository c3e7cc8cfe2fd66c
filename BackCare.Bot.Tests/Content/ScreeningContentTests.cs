using BackCare.Bot.Content;
using BackCare.Bot.Dialogs;
using BackCare.Bot.State;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// Pins the clinical rules of docs/clinical-basis.md for the screening data, so that an edit to screening.json or a
/// technique's tags that changes who may do what, or how soon they should be seen, fails here first.
/// </summary>
public sealed class ScreeningContentTests
{
    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    private static ScreeningScript Screening => Knowledge.Screening;

    [Fact]
    public void The_checks_go_emergency_first_then_see_a_doctor_then_cautions_with_the_duration_before_the_cautions()
    {
        Assert.Equal(["emergency-check", "doctor-check", "caution-check"], Screening.Checks.Select(c => c.Id));
        Assert.Equal(ScreeningLevel.Emergency, Screening.Checks[0].Level);
        Assert.Empty(Screening.Checks[0].FollowUps);
        Assert.Equal("caution-check", Screening.DurationBefore);
        Assert.Equal(4, ScreeningDialog.AnswersWhenClear(Screening));
    }

    [Theory]
    [InlineData("genitals or bottom")]
    [InlineData("when you wipe")]
    [InlineData("can't go")]
    [InlineData("can't feel when your bladder is full")]
    [InlineData("bowels")]
    [InlineData("sexual function")]
    [InlineData("both legs")]
    [InlineData("one leg getting weaker")]
    [InlineData("foot that drags")]
    [InlineData("car or bike crash")]
    [InlineData("fall from a height")]
    [InlineData("Chest pain")]
    [InlineData("back and tummy, with feeling faint")]
    public void The_emergency_list_names_each_sign_in_everyday_words(string words)
    {
        Assert.Contains(Screening.Checks[0].Items, item => item.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fever-unwell", ScreeningLevel.SameDay)]
    [InlineData("cancer-history", ScreeningLevel.SameDay)]
    [InlineData("weight-loss", ScreeningLevel.SameDay)]
    [InlineData("minor-fall-risk", ScreeningLevel.SameDay)]
    [InlineData("under-16", ScreeningLevel.SeeDoctorFirst)]
    [InlineData("severe-or-sudden", ScreeningLevel.SeeDoctorFirst)]
    [InlineData("one-leg", ScreeningLevel.SeeDoctorFirst)]
    [InlineData("getting-worse", ScreeningLevel.SeeDoctorFirst)]
    [InlineData("diagnosed-condition", ScreeningLevel.SeeDoctorFirst)]
    [InlineData("night-pain", ScreeningLevel.Soon)]
    [InlineData("first-after-50", ScreeningLevel.Soon)]
    [InlineData("weak-immunity", ScreeningLevel.Soon)]
    [InlineData("morning-stiffness", ScreeningLevel.Soon)]
    [InlineData("pregnancy", ScreeningLevel.Caution)]
    [InlineData("blood-thinners", ScreeningLevel.Caution)]
    [InlineData("osteoporosis", ScreeningLevel.Caution)]
    [InlineData("hip-or-tummy-surgery", ScreeningLevel.Caution)]
    [InlineData("hypermobility", ScreeningLevel.Caution)]
    [InlineData("past-back-problems", ScreeningLevel.Caution)]
    public void Each_sign_has_the_level_its_time_frame_needs(string questionId, ScreeningLevel level)
    {
        Assert.Equal(level, Screening.FindQuestion(questionId)?.Level);
    }

    [Fact]
    public void Arthritis_means_arthritis_in_the_spine_and_osteoporosis_is_a_caution_not_a_stop()
    {
        Assert.Contains("arthritis in your spine", Screening.FindQuestion("diagnosed-condition")!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("osteoporosis", Screening.FindQuestion("diagnosed-condition")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pain_for_more_than_three_weeks_is_worth_a_review()
    {
        Assert.Equal(21, Screening.Duration.SeeDoctorAfterDays);
    }

    [Theory]
    [InlineData("pregnancy", new[] { "seated-spinal-twist", "knee-to-chest", "standing-back-extension", "foam-roller-release" })]
    [InlineData("blood-thinners", new[] { "foam-roller-release" })]
    [InlineData("osteoporosis", new[] { "seated-spinal-twist", "knee-to-chest", "childs-pose", "foam-roller-release" })]
    [InlineData("hip-or-tummy-surgery", new[] { "knee-to-chest", "childs-pose" })]
    [InlineData("hypermobility", new string[0])]
    [InlineData("past-back-problems", new string[0])]
    public void Each_caution_leaves_out_the_techniques_guidance_names_each_with_a_reason(string questionId, string[] leftOut)
    {
        var record = new ScreeningRecord { Outcome = ScreeningOutcome.Cautions, CautionIds = [questionId] };

        var reasons = ScreeningAdvice.LeftOut(Knowledge, record);

        Assert.Equal(leftOut, reasons.Keys);
        Assert.All(reasons.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void In_pregnancy_childs_pose_is_the_one_technique_left_in_its_supported_form()
    {
        var record = new ScreeningRecord { Outcome = ScreeningOutcome.Cautions, CautionIds = ["pregnancy"] };

        var allowed = Assert.Single(ScreeningAdvice.Allowed(Knowledge, record));

        Assert.Equal("childs-pose", allowed.Id);
        Assert.Contains("wide-knee", allowed.Name, StringComparison.Ordinal);
        Assert.NotEqual(Knowledge.FindTechnique("childs-pose")!.Steps, allowed.Steps);
    }

    [Fact]
    public void The_foam_roller_stays_between_the_shoulder_blades_and_the_lowest_ribs()
    {
        var roller = Knowledge.FindTechnique("foam-roller-release")!;
        Assert.Contains("between your shoulder blades and your lowest ribs", roller.Steps[0].Text, StringComparison.Ordinal);
        Assert.Contains(roller.Cautions, c => c.Contains("never on your lower back", StringComparison.Ordinal));
    }

    [Fact]
    public void Reminders_never_suggest_a_movement_the_screening_advised_against()
    {
        var pregnant = new ScreeningRecord { Outcome = ScreeningOutcome.Cautions, CautionIds = ["pregnancy"] };
        var clear = new ScreeningRecord { Outcome = ScreeningOutcome.Clear };

        Assert.DoesNotContain("backbend", ScreeningAdvice.AllowedTags(Knowledge, pregnant));
        Assert.Contains("backbend", ScreeningAdvice.AllowedTags(Knowledge, clear));
        Assert.Empty(ScreeningAdvice.AllowedTags(Knowledge, null));
        Assert.Empty(ScreeningAdvice.AllowedTags(Knowledge, new ScreeningRecord { Outcome = ScreeningOutcome.SameDay }));
    }

    [Fact]
    public void The_emergency_outcome_names_the_local_number_and_emergency_department()
    {
        // The local help tokens: the number and the department's name for the user's locale, filled in on sending.
        Assert.Contains("Call [[emergencyNumber]] (or your local emergency number)", Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal);
        Assert.Contains("go to [[emergencyDepartment]] now", Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal);
    }
}
