using BackCare.Bot.Dialogs.Interruptions;
using BackCare.Bot.Tests.Conversation;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// The order of the checks is the only place the priority lives. Apart from the first two tests, each conversation
/// here is one that two checks would answer differently, so only the order decides which answer the user sees.
/// </summary>
public sealed class InterruptionPipelineTests
{
    [Fact]
    public async Task The_checks_run_safety_first_then_commands_buttons_the_waiting_question_and_the_router()
    {
        await using var bot = new BotHarness();

        var order = bot.Service<InterruptionPipeline>().Checks.Select(c => c.GetType()).ToList();

        Assert.Equal(
            [
                typeof(RedFlagCheck), typeof(MessageLengthCheck), typeof(SafetyQuestionAnswer), typeof(PrivacyAndSafetyCommands), typeof(EmergencyLock), typeof(PainReport),
                typeof(TypedCommands), typeof(MenuCommands), typeof(CardButtons), typeof(InvitedQuestion), typeof(WaitingDialogAnswer), typeof(RoutedMessage),
            ],
            order);
    }

    [Fact]
    public async Task A_red_flag_in_a_message_over_the_length_limit_still_gets_the_emergency_answer()
    {
        await using var bot = new BotHarness();
        var story = string.Concat(Enumerable.Repeat("I have been sitting at my desk a lot this month and my back is stiff. ", 40))
            + "Oh, and this morning I wet myself without noticing.";
        Assert.True(story.Length > 2_000);

        var replies = await bot.SayAsync(story);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_typed_with_menu_is_urgent_not_the_menu()
    {
        // Commands match only a whole message, so no order could make this the menu; it guards the red-flag check
        // reading a message that starts like a command, not the order against TypedCommands.
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("menu... and I can't feel my legs");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.MenuPrompt, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_with_a_red_flag_at_a_yes_no_question_is_urgent_not_no()
    {
        // WaitingDialogAnswer alone would read "no" and ask the next question.
        await using var bot = new BotHarness();
        await Scenes.AtFirstScreeningQuestionAsync(bot);

        var replies = await bot.SayAsync("no, but I've had no control of my bowels since yesterday");

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Pain_with_a_red_flag_mid_walkthrough_is_urgent_not_just_stop()
    {
        // PainReport alone would give the "stop and ease out" advice.
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("ouch, that hurts and " + Scenes.RedFlag);

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.HurtsStop, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_after_an_emergency_answer_is_done_not_the_urgent_reminder()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.SayAsync("forget me");

        Assert.Equal(bot.Messages.ForgetMeDone, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task I_answered_by_mistake_after_an_emergency_answer_re_screens_not_the_urgent_reminder()
    {
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);

        var replies = await bot.SayAsync("that was a mistake");

        Assert.DoesNotContain(bot.Messages.UrgentReminder, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.NotNull(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task An_old_card_button_after_an_emergency_answer_gets_the_urgent_reminder_not_the_stale_card_text()
    {
        await using var bot = new BotHarness();
        var card = await Scenes.AfterEmergencyInWalkthroughAsync(bot);

        var replies = await bot.ClickAsync(card, "Next");

        var text = Replies.AllText(replies);
        Assert.Contains(bot.Messages.UrgentReminder, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Messages.StaleCard, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_red_flag_during_a_re_screening_is_urgent_again()
    {
        // The lock lets a re-screening's answers through; the red-flag check must still see them first.
        await using var bot = new BotHarness();
        await bot.SayAsync(Scenes.RedFlag);
        await bot.SayAsync("I answered by mistake");

        var replies = await bot.SayAsync("no, but " + Scenes.RedFlag);

        Assert.Contains(bot.Knowledge.Screening.Outcomes.Emergency, Replies.AllText(replies), StringComparison.Ordinal);
        Assert.Null(ScreeningDriver.QuestionAsked(bot, replies));
    }

    [Fact]
    public async Task Pain_typed_at_the_picker_is_a_pain_report_not_a_request_for_the_router()
    {
        await using var bot = new BotHarness();
        await Scenes.AtPickerAsync(bot);

        var replies = await bot.SayAsync("my back is really sore doing this");

        Assert.Equal(bot.Messages.HurtsStop, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task A_reminder_request_mid_walkthrough_is_a_command_not_a_technique_for_the_router()
    {
        await using var bot = new BotHarness();
        await WalkthroughTests.StartAsync(bot, Scenes.TechniqueId);

        var replies = await bot.SayAsync("remind me to move every 30 minutes");

        Assert.Contains("every 30 minutes", Replies.AllText(replies), StringComparison.Ordinal);
        WalkthroughTests.AssertStep(Replies.Last(replies), bot.Knowledge.FindTechnique(Scenes.TechniqueId)!, 0);
    }

    [Fact]
    public async Task Cancel_at_the_picker_is_the_command_not_an_unclear_choice()
    {
        await using var bot = new BotHarness();
        await Scenes.AtPickerAsync(bot);

        var replies = await bot.SayAsync("cancel");

        Assert.Equal(bot.Messages.Cancelled, Replies.Text(Assert.Single(replies)));
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_before_any_check_reads_it()
    {
        // "forget me" is nine characters: with a limit of eight even the privacy command is not read.
        await using var bot = new BotHarness(settings: new Dictionary<string, string?> { ["BackCare:MaxMessageLength"] = "8" });
        await bot.SayAsync("hi");

        var replies = await bot.SayAsync("forget me");

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, bot.Messages.TooLong, 8), Replies.Text(Assert.Single(replies)));
    }
}
