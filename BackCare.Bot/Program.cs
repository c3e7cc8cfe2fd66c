using BackCare.Bot.Hosting;
using BackCare.Bot.Pictures;
using BackCare.Bot.Telemetry;
using BackCare.Bot.Unanswered;

// Content root is the output folder: appsettings.json and Cards/ are linked there from the repository's top level.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddBackCareBot();
builder.Services.AddBackCareOperations(builder.Configuration);

var app = builder.Build();

// "unanswered [--top N]": the content editors' report, printed instead of running the bot.
if (UnansweredCommand.IsRequested(args))
{
    return await UnansweredCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None).ConfigureAwait(false);
}

// "pictures [FOLDER]": every step picture written as PNG, for content editors to look at.
if (PicturesCommand.IsRequested(args))
{
    return await PicturesCommand.RunAsync(app.Services, args, Console.Out, CancellationToken.None).ConfigureAwait(false);
}

app.MapBotEndpoints();
app.MapOperatorEndpoints();
app.MapStepImages();
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
