namespace BackCare.Bot.Content;

/// <summary>
/// Everything the bot says that is not a technique, an answer, a tip or screening, from messages.json.
/// Texts with {0}/{1} are format strings; the comment on each says what fills them.
/// </summary>
public sealed record BotMessages
{
    /// <summary>Greeting on joining: what the bot does, plus the short disclaimer (not medical advice).</summary>
    public required string Welcome { get; init; }

    public required string MenuPrompt { get; init; }

    public required string MenuTechniques { get; init; }

    public required string MenuQuestion { get; init; }

    public required string MenuTips { get; init; }

    public required string AskQuestionPrompt { get; init; }

    /// <summary>Honest fallback for out-of-scope messages: says what the bot can do.</summary>
    public required string Fallback { get; init; }

    /// <summary>{0} and {1}: the titles of the two likely questions.</summary>
    public required string ClarifyPrompt { get; init; }

    public required string ClarifyNeither { get; init; }

    /// <summary>Said before showing again the card or question the user was on.</summary>
    public required string ResumePrompt { get; init; }

    public required string Cancelled { get; init; }

    /// <summary>After "forget me": what was deleted.</summary>
    public required string ForgetMeDone { get; init; }

    /// <summary>What the bot keeps about the user and for how long ({0}: hours), said at the end of screening.</summary>
    public required string PrivacyNote { get; init; }

    /// <summary>
    /// Said once when "how long has it hurt?" still could not be read after the retries: the screening then
    /// takes the safe side and goes on as for pain that has lasted longer than the see-a-doctor threshold.
    /// </summary>
    public required string DurationSafeSide { get; init; }

    /// <summary>{0}: how long ago the remembered screening was (e.g. "3 hours").</summary>
    public required string ScreeningRemembered { get; init; }

    public required string ChooseTechniquePrompt { get; init; }

    /// <summary>The last line of the technique picker once a technique was started from it ({0}: its name).</summary>
    public required string TechniquePicked { get; init; }

    /// <summary>One line per technique a caution leaves out: {0} its name, {1} why.</summary>
    public required string LeftOutLine { get; init; }

    /// <summary>When a technique is asked for after an emergency answer.</summary>
    public required string NoTechniqueAfterEmergency { get; init; }

    /// <summary>The one safety question asked about a fall of unknown size (Yes: an emergency).</summary>
    public required string FallQuestion { get; init; }

    public required string SafetyYes { get; init; }

    public required string SafetyNo { get; init; }

    /// <summary>After "no" to the fall question: thanks, and what would change that.</summary>
    public required string FallReassured { get; init; }

    /// <summary>When the fall question gets no clear answer: the same signs, said once, and the conversation goes on.</summary>
    public required string FallUnclear { get; init; }

    /// <summary>Repeated, in short, for every request and old button after an emergency answer.</summary>
    public required string UrgentReminder { get; init; }

    /// <summary>
    /// What a red-flag rule of routing.json (its "advice") tells the user first, by key: the maternity unit now, or
    /// the time frame for a sign to see someone about (today, or soon) shown before the "when to see a doctor" answer.
    /// </summary>
    public IReadOnlyDictionary<string, string> SafetyAdvice { get; init; } = new Dictionary<string, string>();

    /// <summary>When a technique is asked for after a see-a-doctor-first answer.</summary>
    public required string NoTechniqueSeeDoctor { get; init; }

    /// <summary>"This hurts": stop now and what to do next.</summary>
    public required string HurtsStop { get; init; }

    /// <summary>"Stop" during a walkthrough.</summary>
    public required string WalkthroughStopped { get; init; }

    /// <summary>Typed text a step card did not understand.</summary>
    public required string StepHelp { get; init; }

    public required string FinishedPrompt { get; init; }

    public required string FeltBetter { get; init; }

    public required string FeltSame { get; init; }

    public required string FeltWorse { get; init; }

    public required string FeltBetterReply { get; init; }

    public required string FeltSameReply { get; init; }

    public required string FeltWorseReply { get; init; }

    /// <summary>The last line of a step card closed because the walkthrough was finished (the buttons are gone).</summary>
    public required string StepCardFinished { get; init; }

    /// <summary>The last line of a step card closed because the walkthrough was stopped or left.</summary>
    public required string StepCardStopped { get; init; }

    /// <summary>The last line of a step card closed by "This hurts".</summary>
    public required string StepCardHurt { get; init; }

    /// <summary>The last line of a step card closed because a newer card for the same walkthrough was sent below it.</summary>
    public required string StepCardMovedOn { get; init; }

    /// <summary>The acknowledgement of an Adaptive Card Action.Execute; the conversation's own answer follows as messages.</summary>
    public required string CardActionTaken { get; init; }

    /// <summary>A button from an earlier card was pressed.</summary>
    public required string StaleCard { get; init; }

    /// <summary>A message too long to read ({0}: the limit in characters).</summary>
    public required string TooLong { get; init; }

    /// <summary>Two messages of one conversation were handled at once and this one's changes could not be saved.</summary>
    public required string ConcurrentUpdate { get; init; }

    /// <summary>The bot's memory (state storage) could not be reached this turn.</summary>
    public required string StorageUnavailable { get; init; }

    public required string TipsIntro { get; init; }

    public required string TellMeMore { get; init; }

    /// <summary>Confirms a reminder opt-in: {0} the interval in minutes, {1} the start time, {2} the end time, {3} the days.</summary>
    public required string ReminderConfirm { get; init; }

    /// <summary>A reminder request whose interval or hours could not be read.</summary>
    public required string ReminderNotUnderstood { get; init; }

    /// <summary>An interval outside 15 minutes to 4 hours.</summary>
    public required string ReminderIntervalOutOfRange { get; init; }

    /// <summary>Hours that do not make a daytime window (the end not after the start).</summary>
    public required string ReminderHoursNotUnderstood { get; init; }

    public required string RemindersStopped { get; init; }

    /// <summary>After an emergency answer, when the user had movement reminders: they are switched off.</summary>
    public required string RemindersStoppedForEmergency { get; init; }

    /// <summary>"stop reminders" when there are none.</summary>
    public required string RemindersNone { get; init; }

    public required string ReminderDoneReply { get; init; }

    public required string ReminderSnoozed { get; init; }

    /// <summary>The heading of the reminder card.</summary>
    public required string ReminderTitle { get; init; }

    public required string ReminderDoneButton { get; init; }

    public required string ReminderSnoozeButton { get; init; }

    public required string ReminderStopButton { get; init; }

    /// <summary>The days, as filled into <see cref="ReminderConfirm"/>.</summary>
    public required string ReminderWeekdays { get; init; }

    public required string ReminderEveryDay { get; init; }

    /// <summary>One-minute movement or posture checks; a reminder shows the next one in turn of those the user may do.</summary>
    public required IReadOnlyList<ReminderPrompt> ReminderPrompts { get; init; }

    /// <summary>Shown with every emergency advice (the urgent card and its text): how to get there safely.</summary>
    public required string UrgentDontDrive { get; init; }

    /// <summary>Shown with every emergency advice: the cauda equina signs and what to say about them (NHS cauda equina card).</summary>
    public required string UrgentCaudaEquina { get; init; }

    /// <summary>After "forget me" when transcripts are on: what was deleted, the transcript included.</summary>
    public required string ForgetMeDoneWithTranscript { get; init; }

    /// <summary>"what do you know about me": the first line; one '•' paragraph per stored thing follows.</summary>
    public required string StoredIntro { get; init; }

    /// <summary>The stored screening: its date, its outcome (a StoredOutcome… text) and when it is deleted.</summary>
    public required string StoredScreening { get; init; }

    /// <summary>A stored screening past its time, which the retention sweep has not reached yet.</summary>
    public required string StoredScreeningOld { get; init; }

    /// <summary>The caution questions answered yes, as a list.</summary>
    public required string StoredCautions { get; init; }

    public required string StoredLongStanding { get; init; }

    public required string StoredNoScreening { get; init; }

    /// <summary>The reminder settings: interval, start, end, days.</summary>
    public required string StoredReminders { get; init; }

    public required string StoredNoReminders { get; init; }

    /// <summary>This conversation's state: after how many idle hours its dialog is cleared, after how many idle days it is deleted.</summary>
    public required string StoredConversation { get; init; }

    public required string StoredEmergency { get; init; }

    public required string StoredTranscriptOn { get; init; }

    public required string StoredTranscriptOff { get; init; }

    public required string StoredHowToDelete { get; init; }

    /// <summary>The stored outcome in plain words, one per ScreeningOutcome.</summary>
    public required string StoredOutcomeClear { get; init; }

    public required string StoredOutcomeCautions { get; init; }

    public required string StoredOutcomeSeeDoctorFirst { get; init; }

    public required string StoredOutcomeSameDay { get; init; }

    public required string StoredOutcomeEmergency { get; init; }

    /// <summary>"Ask a question" typed while something is under way: the question is invited and what was under way stays.</summary>
    public required string AskQuestionMidFlow { get; init; }

    /// <summary>"Try a technique" typed during the safety questions: they carry on (the question is asked again), not restart.</summary>
    public required string ScreeningUnderway { get; init; }

    /// <summary>"Try a technique" typed during a walkthrough: the step is shown again, with how to pick another.</summary>
    public required string TechniqueUnderway { get; init; }

    /// <summary>After a turn failed with no dialog running (its half-finished dialog is cleared).</summary>
    public required string TurnError { get; init; }

    /// <summary>After a turn failed during the safety check: it stopped, and how to start it again.</summary>
    public required string TurnErrorInScreening { get; init; }

    /// <summary>After a turn failed while a technique was being picked or walked through.</summary>
    public required string TurnErrorInTechnique { get; init; }
}
