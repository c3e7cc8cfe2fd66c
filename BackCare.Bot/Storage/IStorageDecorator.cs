using Microsoft.Bot.Builder;

namespace BackCare.Bot.Storage;

/// <summary>
/// A storage that wraps another (the tracing one does), so code that needs the chosen storage's own abilities
/// (conditional creates for activity claims) can reach it through any wrappers.
/// </summary>
public interface IStorageDecorator
{
    IStorage Inner { get; }

    /// <summary>The storage under every decorator around <paramref name="storage"/>.</summary>
    static IStorage Innermost(IStorage storage)
    {
        while (storage is IStorageDecorator decorator)
        {
            storage = decorator.Inner;
        }

        return storage;
    }
}
