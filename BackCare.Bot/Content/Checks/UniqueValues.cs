namespace BackCare.Bot.Content.Checks;

/// <summary>
/// The one place the knowledge checks find repeats (ids, titles, locales, picture sets): every check that needs a
/// value to stand once goes through <see cref="FirstOfEach"/>, so the loop and the wording of its problems live here.
/// </summary>
internal static class UniqueValues
{
    /// <summary>
    /// Each value's first item, by <paramref name="key"/>; <paramref name="repeated"/> hears of every later item with
    /// the same value and the first one. Blank values are passed over: the schema or the text checks name them.
    /// </summary>
    public static Dictionary<string, T> FirstOfEach<T>(IEnumerable<T> items, Func<T, string?> key, IEqualityComparer<string> comparer, Action<T, T> repeated)
    {
        var first = new Dictionary<string, T>(comparer);
        foreach (var item in items)
        {
            var value = key(item);
            if (!string.IsNullOrWhiteSpace(value) && !first.TryAdd(value, item))
            {
                repeated(item, first[value]);
            }
        }

        return first;
    }

    /// <summary>Items whose ids must stand once each, by id; a repeat is named with the path that has it first.</summary>
    /// <param name="idOf">An item's id and the path of that id in the file.</param>
    public static Dictionary<string, T> RequireUnique<T>(List<ContentError> errors, string file, IEnumerable<T> items, Func<T, (string? Id, string Path)> idOf, string what = "id") =>
        FirstOfEach(items, i => idOf(i).Id, StringComparer.Ordinal, (repeat, first) =>
            errors.Add(new ContentError(file, idOf(repeat).Path, $"duplicate {what} \"{idOf(repeat).Id}\": {idOf(first).Path} already uses it")));

    /// <summary>
    /// Ids that must be exactly <paramref name="required"/>, each once: the routing ids the router answers with.
    /// What is missing is named at <paramref name="listPath"/>, the list it belongs in.
    /// </summary>
    public static void RequireExactly(List<ContentError> errors, string file, string listPath, IEnumerable<(string? Id, string Path)> ids, IReadOnlyList<string> required, string kind)
    {
        var found = RequireUnique(errors, file, ids, i => i);
        foreach (var (id, path) in found.Values.Where(i => !required.Contains(i.Id, StringComparer.Ordinal)))
        {
            errors.Add(new ContentError(file, path, $"\"{id}\" is not one of the {kind} ids the router uses ({string.Join(", ", required)})"));
        }

        foreach (var id in required.Where(id => !found.ContainsKey(id)))
        {
            errors.Add(new ContentError(file, listPath, $"has no entry with id \"{id}\"; every {kind} id the router uses needs one"));
        }
    }

    /// <summary>Texts the user must tell apart (button captions, titles): compared trimmed and without regard to case.</summary>
    public static void RequireDistinct(List<ContentError> errors, string file, IEnumerable<(string? Text, string Path)> values, string what) =>
        FirstOfEach(values, v => v.Text?.Trim(), StringComparer.OrdinalIgnoreCase, (repeat, first) =>
            errors.Add(new ContentError(file, repeat.Path, $"repeats the {what} \"{repeat.Text}\" of {first.Path}; they must differ so the user can tell them apart")));
}
