namespace BackCare.Bot.Tests.Storage;

/// <summary>A folder under the system's temp folder, deleted with everything in it on dispose: tests leave no files behind.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("backcare-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere (e.g. a process being killed); the system cleans its temp folder.
        }
    }
}
