using BackCare.Bot.Content;

namespace BackCare.Bot.Tests.Content;

/// <summary>
/// Pins the clinical rules DESIGN.md sets for the screening data, so that an edit to
/// screening.json or a technique's tags that changes who may do what fails here first.
/// </summary>
public sealed class ScreeningContentTests
{
    private static readonly KnowledgeBase Knowledge = ContentLoader.Load(KnowledgeBase.DefaultDirectory);

    [Fact]
    public void The_four_emergency_red_flags_are_asked_first()
    {
        var questions = Knowledge.Screening.Questions;
        Assert.Equal(
            ["saddle-numbness", "bladder-bowel", "both-legs", "major-injury"],
            questions.TakeWhile(q => q.Level == ScreeningLevel.Emergency).Select(q => q.Id));
        Assert.DoesNotContain(questions.SkipWhile(q => q.Level == ScreeningLevel.Emergency), q => q.Level == ScreeningLevel.Emergency);
    }

    [Fact]
    public void See_a_doctor_first_questions_come_before_the_cautions()
    {
        var levels = Knowledge.Screening.Questions.Select(q => q.Level).ToList();
        Assert.Equal(levels.Order(), levels);
        Assert.Equal(
            ["diagnosed-condition", "severe-or-sudden", "one-leg", "getting-worse", "general-illness"],
            Knowledge.Screening.Questions.Where(q => q.Level == ScreeningLevel.SeeDoctorFirst).Select(q => q.Id));
    }

    [Fact]
    public void Pain_for_more_than_three_weeks_means_see_a_doctor_first()
    {
        Assert.Equal(21, Knowledge.Screening.Duration.SeeDoctorAfterDays);
    }

    [Theory]
    [InlineData("pregnancy", new[] { "seated-spinal-twist", "knee-to-chest", "standing-back-extension", "foam-roller-release" })]
    [InlineData("blood-thinners", new[] { "foam-roller-release" })]
    [InlineData("past-back-problems", new[] { "standing-back-extension" })]
    public void Each_caution_leaves_out_the_techniques_the_design_names(string questionId, string[] leftOut)
    {
        var question = Knowledge.Screening.Questions.Single(q => q.Id == questionId);
        Assert.Equal(ScreeningLevel.Caution, question.Level);
        Assert.False(string.IsNullOrWhiteSpace(question.Reason));
        Assert.Equal(leftOut, Knowledge.Techniques.Where(t => t.Tags.Intersect(question.ExcludesTags).Any()).Select(t => t.Id));
    }

    [Fact]
    public void In_pregnancy_childs_pose_is_the_one_technique_left()
    {
        var pregnancy = Knowledge.Screening.Questions.Single(q => q.Id == "pregnancy");
        Assert.Equal(["childs-pose"], Knowledge.Techniques.Where(t => !t.Tags.Intersect(pregnancy.ExcludesTags).Any()).Select(t => t.Id));
    }

    [Fact]
    public void The_emergency_outcome_sends_the_user_to_an_emergency_department()
    {
        // The local help tokens: the number and the department's name for the user's locale, filled in on sending.
        Assert.Contains("Call [[emergencyNumber]] (or your local emergency number)", Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal);
        Assert.Contains("go to [[emergencyDepartment]] now", Knowledge.Screening.Outcomes.Emergency, StringComparison.Ordinal);
    }
}
