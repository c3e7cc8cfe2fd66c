using BackCare.Bot.Content;

namespace BackCare.Bot.Pictures;

/// <summary>
/// Reads Content/Data/poses.json and checks it against the techniques (<see cref="PoseChecks"/>). Called once at
/// start-up: a broken or out-of-date picture stops the bot with a <see cref="ContentValidationException"/> naming
/// the file and field, as the other knowledge files do.
/// </summary>
public static class PoseLoader
{
    public const string PosesFile = "poses.json";

    public static PoseBook Load(string directory, KnowledgeBase knowledge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(knowledge);

        // The same strict reading as the other knowledge files: unknown or repeated properties are errors.
        var errors = new List<ContentError>();
        var poses = ContentLoader.Read<PoseList>(directory, PosesFile, errors)?.Poses;
        if (poses is not null)
        {
            new PoseChecks(errors).Check(poses, knowledge.Techniques);
        }

        if (errors.Count > 0 || poses is null)
        {
            throw new ContentValidationException(directory, errors);
        }

        return new PoseBook(poses);
    }
}
