using Cluster.Grains.Vision.Devices;
using Cluster.Grains.Vision.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cluster.Grains.Vision.Hosting;

public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// What a gpu silo needs to run vision jobs: the validated Vision options (a bad setting stops the start with its
    /// key named), the devices it serves (found now, so the silo's metadata can list them), the model catalogue and
    /// the loader. Answers the devices.
    /// </summary>
    public static VisionDevices AddVision(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new VisionOptions();
        configuration.GetSection(VisionOptions.Section).Bind(options);
        options.Validate();
        var devices = VisionDevices.Discover(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(devices);
        services.AddSingleton(new ModelCatalogue(options));
        services.AddSingleton(new ModelLoader(Nvml.Open(), options.IntraOpThreads));
        return devices;
    }
}
