using System.Diagnostics;
using BackCare.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;

namespace BackCare.Bot.Tests.Hosting;

public sealed class SdkAssembliesTests
{
    [Fact]
    public void The_bot_runs_on_the_real_Bot_Framework_SDK_4_23_1()
    {
        Type[] sdkTypes = [typeof(CloudAdapter), typeof(ActivityHandler), typeof(Microsoft.Bot.Schema.Activity), typeof(ConnectorClient)];

        foreach (var type in sdkTypes)
        {
            var location = type.Assembly.Location;
            Assert.True(File.Exists(location), $"{type.Assembly.GetName().Name} has no file");
            Assert.StartsWith("4.23.1", FileVersionInfo.GetVersionInfo(location).ProductVersion, StringComparison.Ordinal);
        }

        Assert.True(typeof(AdapterWithErrorHandler).IsSubclassOf(typeof(CloudAdapter)));
    }
}
