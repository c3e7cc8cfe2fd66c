using BackCare.Bot.Content;
using Microsoft.Bot.Schema;

namespace BackCare.Bot.Tests.Conversation;

/// <summary>Answers the screening question by question, recognising each question by its text in the content.</summary>
public static class ScreeningDriver
{
    public const string DurationId = "duration";

    /// <summary>The id of the screening question the turn ended on, "duration", or null when it asked none.</summary>
    public static string? QuestionAsked(BotHarness harness, IReadOnlyList<IActivity> replies) => QuestionAsked(harness.Knowledge, replies);

    /// <summary>As <see cref="QuestionAsked(BotHarness, IReadOnlyList{IActivity})"/>, for a bot whose content a test reads as <paramref name="knowledge"/>.</summary>
    public static string? QuestionAsked(KnowledgeBase knowledge, IReadOnlyList<IActivity> replies)
    {
        if (replies.Count == 0)
        {
            return null;
        }

        var text = Replies.Text(Replies.Last(replies));
        var screening = knowledge.Screening;
        if (text.Contains(screening.Duration.Text, StringComparison.Ordinal) || text.Contains(screening.Duration.RetryText, StringComparison.Ordinal))
        {
            return DurationId;
        }

        return screening.Checks.FirstOrDefault(c => text.Contains(c.Text, StringComparison.Ordinal))?.Id
            ?? screening.Questions.FirstOrDefault(q => text.Contains(q.Text, StringComparison.Ordinal))?.Id;
    }

    /// <summary>
    /// Answers <paramref name="answer"/> to the follow-up <paramref name="questionId"/> and "yes" to the check that
    /// leads to it; "no" and a short duration to everything else.
    /// </summary>
    public static Func<string, string> YesTo(BotHarness harness, string questionId, string answer = "yes")
    {
        var check = harness.Knowledge.Screening.Checks.Single(c => c.FollowUps.Contains(questionId)).Id;
        return id => id == questionId ? answer : id == check ? "yes" : AllClear(id);
    }

    /// <summary>"yes" to each of <paramref name="questionIds"/> and to the checks that lead to them; otherwise as <see cref="AllClear"/>.</summary>
    public static Func<string, string> YesToAll(BotHarness harness, params string[] questionIds)
    {
        var checks = harness.Knowledge.Screening.Checks.Where(c => c.FollowUps.Any(questionIds.Contains)).Select(c => c.Id).ToHashSet();
        return id => questionIds.Contains(id) || checks.Contains(id) ? "yes" : AllClear(id);
    }

    /// <summary>
    /// Starting from the turn that asked the first question, answers until no question is asked;
    /// returns the ids asked, in order, and the replies of the last turn.
    /// </summary>
    public static async Task<(List<string> Asked, List<IActivity> Replies)> AnswerAsync(BotHarness harness, List<IActivity> replies, Func<string, string> answerFor)
    {
        var asked = new List<string>();
        while (QuestionAsked(harness, replies) is { } id)
        {
            asked.Add(id);
            if (asked.Count > 40)
            {
                throw new InvalidOperationException("The screening does not end: " + string.Join(", ", asked));
            }

            replies = await harness.SayAsync(answerFor(id));
        }

        return (asked, replies);
    }

    /// <summary>"no" to every question and a short duration.</summary>
    public static string AllClear(string id) => id == DurationId ? "about 3 days" : "no";
}
