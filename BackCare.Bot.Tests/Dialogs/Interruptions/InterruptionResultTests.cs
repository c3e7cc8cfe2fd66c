using BackCare.Bot.DialogEngine;
using BackCare.Bot.Dialogs.Interruptions;

namespace BackCare.Bot.Tests.Dialogs.Interruptions;

/// <summary>
/// The three things a check can do with a message. The pipeline only looks at <see cref="InterruptionResult.Stops"/>
/// and <see cref="InterruptionResult.Turn"/>: a null turn that stops is what hands the message to the waiting dialog.
/// </summary>
public sealed class InterruptionResultTests
{
    [Fact]
    public void Pass_lets_the_next_check_look_and_ends_nothing()
    {
        Assert.False(InterruptionResult.Pass.Stops);
        Assert.Null(InterruptionResult.Pass.Turn);
    }

    [Fact]
    public void LeaveToDialog_stops_the_later_checks_without_a_turn_so_the_waiting_dialog_reads_the_message()
    {
        Assert.True(InterruptionResult.LeaveToDialog.Stops);
        Assert.Null(InterruptionResult.LeaveToDialog.Turn);
    }

    [Theory]
    [InlineData(DialogTurnStatus.Complete)]
    [InlineData(DialogTurnStatus.Waiting)]
    public void Handled_stops_and_ends_the_turn_with_the_given_result(DialogTurnStatus status)
    {
        var turn = new DialogTurnResult(status);

        var result = InterruptionResult.Handled(turn);

        Assert.True(result.Stops);
        Assert.Same(turn, result.Turn);
    }
}
