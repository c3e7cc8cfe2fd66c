using System.ComponentModel.DataAnnotations;

namespace BackCare.Bot.Unanswered;

/// <summary>The <c>Unanswered</c> section of the settings.</summary>
public sealed class UnansweredOptions
{
    public const string Section = "Unanswered";

    /// <summary>Off: nothing is counted (the report is then empty).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days of counts kept; older days are deleted.</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Different texts kept per day; past it new texts are not counted, so one busy day cannot grow a document without limit.</summary>
    [Range(10, 100_000)]
    public int MaxTextsPerDay { get; set; } = 2_000;
}
