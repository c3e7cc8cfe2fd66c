namespace BackCare.Bot.Telemetry;

/// <summary>Wraps a registered service in another of the same type, keeping its lifetime: how telemetry is added without the registrations knowing.</summary>
internal static class ServiceDecoration
{
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<IServiceProvider, T, T> decorate)
        where T : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not registered, so it cannot be wrapped.");
        }

        var descriptor = services[index];
        Func<IServiceProvider, T> create = descriptor switch
        {
            { ImplementationFactory: { } factory } => sp => (T)factory(sp),
            { ImplementationInstance: T instance } => _ => instance,
            _ => sp => (T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
        };
        services[index] = ServiceDescriptor.Describe(typeof(T), sp => decorate(sp, create(sp)), descriptor.Lifetime);
        return services;
    }
}
