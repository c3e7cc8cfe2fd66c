namespace BackCare.Bot.Content;

/// <summary>
/// One problem found in a knowledge file: the file's name, the JSON path of the value at fault
/// (e.g. <c>$.techniques[1].steps[3].hold</c>) and what is wrong, worded for whoever edits the file.
/// </summary>
public sealed record ContentError(string File, string Path, string Problem)
{
    public override string ToString() => $"{File} {Path}: {Problem}";
}
