using System.Threading.Channels;

namespace BackCare.Bot.Routing.Semantic;

/// <summary>
/// Gathers the texts of turns that arrive together into one model run. A run of MiniLM on a short text costs
/// about as much as one on several, since most of its time goes on reading the model's weights, so eight turns
/// embedded together cost little more than one: under load, turns stop queueing behind each other's model runs.
/// One worker runs the batches in turn; a lone turn waits for nothing but its own run.
/// </summary>
/// <remarks>Lives as long as the process, like the shared matcher that owns it: its worker waits on an empty queue at no cost.</remarks>
public sealed class EmbeddingBatcher
{
    /// <summary>At most this many texts in one run: a bound on how long the last turn of a batch waits.</summary>
    public const int MaxBatch = 16;

    private readonly SentenceEmbedder _embedder;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });

    public EmbeddingBatcher(SentenceEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Unit vectors of <paramref name="texts"/> (each already normalised, as for <see cref="SentenceEmbedder.Embed"/>), in order.</summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) return Task.FromResult(Array.Empty<float[]>());
        var request = new Request(texts, new TaskCompletionSource<float[][]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(request)) throw new InvalidOperationException("The embedding queue is closed.");
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && _queue.Reader.TryPeek(out var next) && (batch.Count == 0 || count + next.Texts.Count <= MaxBatch) && _queue.Reader.TryRead(out next))
            {
                batch.Add(next);
                count += next.Texts.Count;
            }

            Run(batch);
        }
    }

    private void Run(List<Request> batch)
    {
        try
        {
            var vectors = _embedder.Embed(batch.SelectMany(r => r.Texts).ToList());
            var offset = 0;
            foreach (var request in batch)
            {
                request.Completion.TrySetResult(vectors[offset..(offset + request.Texts.Count)]);
                offset += request.Texts.Count;
            }
        }
        catch (Exception e)
        {
            // Every waiting turn learns of the failure; the worker lives on for the next batch.
            foreach (var request in batch) request.Completion.TrySetException(e);
        }
    }

    private sealed record Request(IReadOnlyList<string> Texts, TaskCompletionSource<float[][]> Completion);
}
