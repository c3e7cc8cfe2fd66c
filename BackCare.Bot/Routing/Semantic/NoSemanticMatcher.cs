namespace BackCare.Bot.Routing.Semantic;

/// <summary>The layer switched off: keyword routing and the safety rules decide alone.</summary>
public sealed class NoSemanticMatcher : ISemanticMatcher
{
    public bool IsEnabled => false;

    public IReadOnlyList<SemanticMatch> Match(string text, int top = 5) => [];

    public Task<IReadOnlyList<SemanticMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SemanticMatch>>([]);
}
