using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class UnitCubeTests
{
    private static readonly SearchSpace Space = new([
        Parameter.Float("lr", 1e-4, 1, log: true),
        Parameter.Int("n", 2, 9),
        Parameter.Int("batch", 1, 1024, log: true),
        Parameter.Categorical("act", "relu", "tanh", "gelu"),
    ]);

    [Fact]
    public void Encoding_uses_one_coordinate_per_number_and_one_per_choice()
    {
        var point = new double[UnitCube.Dimensions(Space)];

        UnitCube.Encode(Space, new Dictionary<string, ParameterValue>
        {
            ["lr"] = ParameterValue.Of(1e-2), ["n"] = ParameterValue.Of(2), ["batch"] = ParameterValue.Of(1), ["act"] = ParameterValue.Of("tanh"),
        }, point);

        Assert.Equal(6, point.Length);
        Assert.Equal(0.5, point[0], 1e-12);             // log10 −2 is halfway between −4 and 0
        Assert.Equal(0.5 / 8, point[1], 1e-12);         // 2 is the centre of the first of 8 cells
        Assert.Equal([0.0, 1.0, 0.0], point[3..]);
    }

    [Fact]
    public void Every_integer_decodes_back_to_itself()
    {
        var point = new double[UnitCube.Dimensions(Space)];
        for (var n = 2; n <= 9; n++)
        {
            foreach (var batch in new[] { 1, 2, 3, 17, 511, 1024 })
            {
                var values = new Dictionary<string, ParameterValue>
                {
                    ["lr"] = ParameterValue.Of(0.003), ["n"] = ParameterValue.Of(n), ["batch"] = ParameterValue.Of(batch), ["act"] = ParameterValue.Of("gelu"),
                };
                UnitCube.Encode(Space, values, point);
                var decoded = UnitCube.Decode(Space, point);
                Assert.Equal(n, decoded["n"].Number);
                Assert.Equal(batch, decoded["batch"].Number);
                Assert.Equal("gelu", decoded["act"].Choice);
                Assert.Equal(0.003, decoded["lr"].Number, 1e-15);
            }
        }
    }

    [Fact]
    public void Random_points_are_snapped_and_decode_inside_the_space()
    {
        var random = new Random(1);
        var point = new double[UnitCube.Dimensions(Space)];
        for (var i = 0; i < 500; i++)
        {
            UnitCube.Sample(Space, random, point);
            var snappedAgain = (double[])point.Clone();
            UnitCube.Snap(Space, snappedAgain);
            Assert.Equal(point, snappedAgain);
            Space.Check(UnitCube.Decode(Space, point), "params");
        }
    }
}
