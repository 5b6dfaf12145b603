using Google.Protobuf;
using Onnx;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// Rewrites ONNX graphs before a session is made from them: the batch dimension becomes symbolic so that one run takes
/// a whole batch, and the packaged ResNet18's preprocessing graph is fused in front of the network.
/// </summary>
public static class OnnxGraphs
{
    /// <summary>The graph with the first dimension of its inputs and outputs made symbolic ("N").</summary>
    public static byte[] WithDynamicBatch(string path)
    {
        var model = Parse(path);
        model.Graph.SetDim();
        return model.ToByteArray();
    }

    /// <summary>
    /// The ResNet18 network preceded by its preprocessing graph (RGB→BGR and the mean image subtracted), so the fused
    /// graph takes raw 0..255 RGB planes, with a symbolic batch dimension.
    /// </summary>
    public static byte[] Fuse(string preprocessPath, string networkPath)
    {
        var network = Parse(networkPath);
        var preprocess = Parse(preprocessPath).Graph;
        var graph = network.Graph;
        if (graph.Input.Count != 1 || preprocess.Output.Count != 1 || preprocess.Input.Count != 1)
            throw new ModelLoadException($"{preprocessPath} and {networkPath} are not the single-input ResNet18 pair this build expects.");

        var networkInput = graph.Input[0].Name;
        var preprocessOutput = preprocess.Output[0].Name;
        foreach (var node in preprocess.Node)
        {
            for (var i = 0; i < node.Output.Count; i++)
            {
                if (node.Output[i] == preprocessOutput)
                    node.Output[i] = networkInput;
            }
        }

        for (var i = 0; i < preprocess.Node.Count; i++)
            graph.Node.Insert(i, preprocess.Node[i]);
        graph.Initializer.Add(preprocess.Initializer);
        graph.Input.Clear();
        graph.Input.Add(preprocess.Input[0]);
        graph.SetDim();
        return network.ToByteArray();
    }

    private static ModelProto Parse(string path)
    {
        if (!File.Exists(path))
            throw new ModelLoadException($"Model file {path} does not exist.");
        try
        {
            return ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelLoadException($"{path} is not an ONNX model: {e.Message}", e);
        }
    }
}
