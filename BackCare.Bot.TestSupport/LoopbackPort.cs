using System.Net;
using System.Net.Sockets;

namespace BackCare.Bot.TestSupport;

/// <summary>A free TCP port on the loopback interface, for a child process or local service to listen on.</summary>
public static class LoopbackPort
{
    /// <summary>A port the system had free a moment ago (another process could take it first, which is rare enough).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
