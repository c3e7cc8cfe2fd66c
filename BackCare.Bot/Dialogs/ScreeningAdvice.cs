using System.Globalization;
using BackCare.Bot.Content;
using BackCare.Bot.State;

namespace BackCare.Bot.Dialogs;

/// <summary>What a screening that allows techniques leads to: which are left out and why, and the advice to give.</summary>
public static class ScreeningAdvice
{
    /// <summary>
    /// The techniques the record's cautions leave out, each with its own reason: the reason the caution gives for the
    /// first of the technique's tags it excludes (techniques.json lists a technique's tags most telling first).
    /// </summary>
    public static Dictionary<string, string> LeftOut(KnowledgeBase knowledge, ScreeningRecord record)
    {
        var leftOut = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var caution in Answered(knowledge, record))
        {
            foreach (var technique in knowledge.Techniques)
            {
                if (technique.Tags.FirstOrDefault(caution.Excludes.ContainsKey) is { } tag)
                {
                    leftOut.TryAdd(technique.Id, caution.Excludes[tag]);
                }
            }
        }

        return leftOut;
    }

    /// <summary>
    /// The techniques the record allows, each in the form the record's cautions call for, in the content's order;
    /// <paramref name="leftOut"/> is <see cref="LeftOut"/> when the caller has it already.
    /// </summary>
    public static List<Technique> Allowed(KnowledgeBase knowledge, ScreeningRecord record, Dictionary<string, string>? leftOut = null)
    {
        leftOut ??= LeftOut(knowledge, record);
        return knowledge.Techniques.Where(t => !leftOut.ContainsKey(t.Id)).Select(t => t.AdaptedFor(record.CautionIds)).ToList();
    }

    /// <summary>
    /// What to say when a screening ends with techniques allowed: the outcome, each caution's own advice (warning
    /// signs, how to move), then one line asking for a routine review with its reasons, if any.
    /// </summary>
    public static List<string> ForAllowed(KnowledgeBase knowledge, ScreeningRecord record)
    {
        var script = knowledge.Screening;
        var answered = Answered(knowledge, record).ToList();
        var texts = new List<string> { LeftOut(knowledge, record).Count > 0 ? script.Outcomes.Cautions : script.Outcomes.Clear };
        texts.AddRange(answered.Where(q => q.Level == ScreeningLevel.Caution && q.Advice is not null).Select(q => q.Advice!));

        var reasons = answered.Where(q => q.Level == ScreeningLevel.Soon && q.Advice is not null).Select(q => q.Advice!).ToList();
        if (record.LongStanding)
        {
            reasons.Add(script.Duration.LongStandingAdvice);
        }

        if (reasons.Count > 0)
        {
            texts.Add(string.Format(CultureInfo.InvariantCulture, script.Outcomes.Soon, string.Join(" ", reasons)));
        }

        return texts;
    }

    /// <summary>
    /// The technique tags the record allows (every tag no answered caution excludes); none without a record or when
    /// the record allows no technique, so a reminder then suggests only untagged movements.
    /// </summary>
    public static List<string> AllowedTags(KnowledgeBase knowledge, ScreeningRecord? record)
    {
        if (record?.Outcome is not (ScreeningOutcome.Clear or ScreeningOutcome.Cautions))
        {
            return [];
        }

        var excluded = Answered(knowledge, record).SelectMany(q => q.Excludes.Keys).ToHashSet(StringComparer.Ordinal);
        return knowledge.Techniques.SelectMany(t => t.Tags).Distinct(StringComparer.Ordinal).Where(tag => !excluded.Contains(tag)).ToList();
    }

    /// <summary>The questions the record's cautions were answered yes to, in the content's order.</summary>
    private static IEnumerable<ScreeningQuestion> Answered(KnowledgeBase knowledge, ScreeningRecord record) =>
        knowledge.Screening.Questions.Where(q => record.CautionIds.Contains(q.Id));
}
