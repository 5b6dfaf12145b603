using Cluster.Grains.Vision;
using Cluster.Grains.Vision.Hosting;
using Cluster.Grains.Vision.Models;
using Xunit;

namespace Cluster.Tests.Vision.Models;

public sealed class VisionOptionsTests
{
    [Fact]
    public void A_reserve_as_large_as_the_cpu_budget_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<VisionOptionsException>(() => new VisionOptions { CpuBudgetMegabytes = 1024, ReserveMegabytes = 1024 }.Validate());

        Assert.Equal("Vision:ReserveMegabytes", error.Key);
    }

    [Fact]
    public void A_model_registered_at_a_missing_path_is_refused_naming_its_entry()
    {
        var options = new VisionOptions { Models = [new ModelRegistration { Name = "detector", Path = "/nonexistent/detector.onnx" }] };

        var error = Assert.Throws<VisionOptionsException>(options.Validate);

        Assert.Equal("Vision:Models:0:Path", error.Key);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        new VisionOptions().Validate();
    }
}
