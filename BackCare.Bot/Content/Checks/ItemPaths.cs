namespace BackCare.Bot.Content.Checks;

/// <summary>The items of a list with their paths ("$.tips[3]"), as problems name them.</summary>
internal static class ItemPaths
{
    public static List<(T Item, string Path)> Of<T>(IReadOnlyList<T> items, string listPath) =>
        [.. items.Select((item, i) => (item, $"{listPath}[{i}]"))];
}
