using System.Numerics.Tensors;
using Cluster.Grains.Vision.Models;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Cluster.Tests.Vision.Models;

/// <summary>The real packaged ResNet18 (63 MB, loaded once for the class) on the CPU path.</summary>
public sealed class ResNet18Tests(ResNet18Fixture resnet) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void The_packaged_graph_ends_at_512_pooled_features_and_takes_a_whole_batch_in_one_run()
    {
        Assert.Equal(512, resnet.Loaded.Model.OutputWidth);
        Assert.True(resnet.Loaded.Model.BatchesInOneRun);
        Assert.False(BuiltInModels.ResNet18.Classifies);
        Assert.Equal([3, 224, 224], BuiltInModels.ResNet18.InputShape);
    }

    [Fact]
    public void The_load_measures_a_footprint_and_a_load_time()
    {
        Assert.InRange(resnet.Loaded.FootprintBytes, 1L, 4L << 30);
        Assert.True(resnet.Loaded.LoadTime > TimeSpan.Zero);
        Assert.Equal("process-private-bytes", resnet.Loaded.FootprintSource);
    }

    [Fact]
    public void Embeddings_are_512_dimensional_unit_vectors()
    {
        var embeddings = resnet.Embed(TestImages.Checkerboard(), TestImages.Solid(200, 30, 30));

        foreach (var embedding in embeddings)
        {
            Assert.Equal(512, embedding.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding), 1e-4f);
        }
    }

    [Fact]
    public void The_same_image_gives_the_same_vector_alone_and_inside_a_batch()
    {
        var checkerboard = TestImages.Checkerboard();

        var alone = resnet.Embed(checkerboard)[0];
        var batch = resnet.Embed(TestImages.Solid(10, 120, 240), checkerboard, TestImages.Solid(250, 250, 0));

        Assert.Equal(1f, TensorPrimitives.CosineSimilarity(alone, batch[1]), 1e-5f);
        for (var i = 0; i < alone.Length; i++)
            Assert.Equal(alone[i], batch[1][i], 1e-4f);
    }

    [Fact]
    public void Similar_images_are_closer_than_different_ones()
    {
        var stripes = TestImages.Stripes(64, 4, new Rgb24(255, 0, 0), new Rgb24(0, 0, 255));
        var embeddings = resnet.Embed(TestImages.Solid(220, 20, 20), TestImages.Solid(190, 25, 25), TestImages.Checkerboard(), stripes);
        var (red, darkerRed, checkerboard, striped) = (embeddings[0], embeddings[1], embeddings[2], embeddings[3]);

        var nearlySame = TensorPrimitives.CosineSimilarity(red, darkerRed);
        var different = TensorPrimitives.CosineSimilarity(red, checkerboard);

        Assert.True(nearlySame > different, $"red vs darker red {nearlySame:F4}, red vs checkerboard {different:F4}");
        Assert.True(TensorPrimitives.CosineSimilarity(checkerboard, striped) < 0.999f);
    }

    [Fact]
    public void An_undecodable_image_fails_alone_and_the_rest_of_its_batch_still_runs()
    {
        var outcome = resnet.Sessions.Run(BuiltInModels.ResNet18Name, [TestImages.Checkerboard(), [1, 2, 3, 4]]);

        Assert.Equal(1, outcome.RanImages);
        Assert.Equal(-1, outcome.Slots[1]);
        Assert.Contains("image", outcome.Errors[1], StringComparison.Ordinal);
        Assert.Equal(512, outcome.Row(0).Length);
    }
}
