using Cluster.Grains.Vision.Hosting;
using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Gateway.Endpoints.Vision;

/// <summary>The gateway checks uploads with the decoder limits the gpu silos use (Vision:Decoding), validated at start-up.</summary>
public static class VisionUploads
{
    public static RgbDecoder Decoder(IConfiguration configuration)
    {
        var options = new DecodingOptions();
        configuration.GetSection($"{VisionOptions.Section}:Decoding").Bind(options);
        return new RgbDecoder(options);
    }
}
