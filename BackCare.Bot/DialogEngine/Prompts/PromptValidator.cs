namespace BackCare.Bot.DialogEngine;

/// <summary>Decides whether a recognized answer is acceptable; it may send its own retry message.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
