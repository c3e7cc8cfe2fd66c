using BackCare.Bot.Hosting;

// Content root is the output folder: appsettings.json and Cards/ are linked there from the repository's top level.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddBackCareBot();

var app = builder.Build();
app.MapBotEndpoints();
app.Run();

/// <summary>The entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
