namespace BackCare.Bot.LoadTest;

/// <summary>What BackCare's virtual users do (--script); the echo baseline's users send the same kind of text where it applies.</summary>
internal enum ScriptKind
{
    /// <summary>A new user's whole visit: screening, a walkthrough, feedback and a question (<see cref="BackCareScript"/>).</summary>
    Visit,

    /// <summary>Typed questions only, every one different (<see cref="FreeTextScript"/>); the echo bot gets the same texts.</summary>
    FreeText,

    /// <summary>The visit answered by card buttons wherever there are any (<see cref="BackCareScript"/> answering by buttons).</summary>
    CardButtons,
}
