using Google.Protobuf;
using Onnx;

namespace Cluster.Tests.Vision.Service;

/// <summary>
/// A real ONNX classifier small enough to reason about: global average pooling of the three input planes, flattened to
/// three logits (mean red, green, blue of the raw 0..255 input). Written with its label file for registration by path.
/// </summary>
internal static class MeanColourModel
{
    public const string Name = "mean-colour";
    public const int Size = 8;

    public static (string ModelPath, string LabelsPath) Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var model = new ModelProto { IrVersion = 7, Graph = Graph() };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        var modelPath = Path.Combine(folder, "mean-colour.onnx");
        File.WriteAllBytes(modelPath, model.ToByteArray());
        var labelsPath = Path.Combine(folder, "colours.txt");
        File.WriteAllLines(labelsPath, ["red", "green", "blue"]);
        return (modelPath, labelsPath);
    }

    private static GraphProto Graph()
    {
        var graph = new GraphProto { Name = "mean-colour" };
        graph.Node.Add(new NodeProto { OpType = "GlobalAveragePool", Input = { "image" }, Output = { "pooled" } });
        var flatten = new NodeProto { OpType = "Flatten", Input = { "pooled" }, Output = { "logits" } };
        flatten.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(flatten);
        graph.Input.Add(Tensor("image", 1, 3, Size, Size));
        graph.Output.Add(Tensor("logits", 1, 3));
        return graph;
    }

    private static ValueInfoProto Tensor(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
