using Cluster.Grains.Vision.Preprocessing;
using Microsoft.ML.OnnxRuntime;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// One loaded ONNX session. A batch of N preprocessed images runs as one call with batch dimension N when the graph
/// accepts that (checked at load), otherwise image by image. Not thread-safe by design: the device's runner calls it
/// from one batch at a time.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private OnnxModel(ModelDefinition definition, InferenceSession session, string provider, int outputWidth, bool batchesInOneRun)
    {
        Definition = definition;
        _session = session;
        _inputNames = [session.InputNames[0]];
        _outputNames = [session.OutputNames[0]];
        Provider = provider;
        OutputWidth = outputWidth;
        BatchesInOneRun = batchesInOneRun;
    }

    public ModelDefinition Definition { get; }

    /// <summary>The execution provider the session runs on: CUDAExecutionProvider or CPUExecutionProvider.</summary>
    public string Provider { get; }

    /// <summary>Values per image in the output: 512 features for ResNet18, the class count for classifiers.</summary>
    public int OutputWidth { get; }

    public bool BatchesInOneRun { get; }

    /// <summary>
    /// Makes the session: the graph is rewritten for a symbolic batch dimension, and a two-image probe run decides
    /// whether batches run in one call (a graph that hard-codes batch 1 in a reshape fails it and is loaded as is).
    /// </summary>
    public static OnnxModel Load(ModelDefinition definition, Func<SessionOptions> options, string provider)
    {
        var dynamic = BuiltInModels.IsResNet18(definition)
            ? OnnxGraphs.Fuse(BuiltInModels.ResNet18PreprocessPath, definition.Path)
            : OnnxGraphs.WithDynamicBatch(definition.Path);
        InferenceSession? session = null;
        try
        {
            session = Create(dynamic, options, definition);
            return new OnnxModel(definition, session, provider, Probe(session, definition.Input, 2), batchesInOneRun: true);
        }
        catch (Exception e) when (e is OnnxRuntimeException or ModelLoadException)
        {
            session?.Dispose();
        }

        var fixedBatch = Create(File.ReadAllBytes(definition.Path), options, definition);
        try
        {
            return new OnnxModel(definition, fixedBatch, provider, Probe(fixedBatch, definition.Input, 1), batchesInOneRun: false);
        }
        catch (Exception e) when (e is OnnxRuntimeException or ModelLoadException)
        {
            fixedBatch.Dispose();
            throw new ModelLoadException($"Model {definition.Name} does not run on a {string.Join('x', definition.InputShape)} input: {e.Message}", e);
        }
    }

    /// <summary>Runs <paramref name="count"/> images laid out one after another in <paramref name="input"/>; rows of <see cref="OutputWidth"/> values.</summary>
    public float[] Run(float[] input, int count)
    {
        var perImage = Definition.Input.TensorLength;
        if (input.Length < count * perImage)
            throw new ArgumentException($"{count} images need {count * perImage} input values; got {input.Length}.", nameof(input));
        var output = new float[count * OutputWidth];
        if (BatchesInOneRun)
        {
            RunInto(input.AsMemory(0, count * perImage), count, output);
            return output;
        }

        for (var i = 0; i < count; i++)
            RunInto(input.AsMemory(i * perImage, perImage), 1, output.AsSpan(i * OutputWidth, OutputWidth));
        return output;
    }

    private void RunInto(Memory<float> images, int count, Span<float> output)
    {
        var input = Definition.Input;
        using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, images,
            [count, 3, input.Height, input.Width]);
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, _inputNames, [tensor], _outputNames);
        var values = results[0].GetTensorDataAsSpan<float>();
        if (values.Length != output.Length)
            throw new ModelLoadException($"Model {Definition.Name} answered {values.Length} values for {count} images; {output.Length} were expected.");
        values.CopyTo(output);
    }

    private static InferenceSession Create(byte[] graph, Func<SessionOptions> options, ModelDefinition definition)
    {
        using var sessionOptions = options();
        try
        {
            return new InferenceSession(graph, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"ONNX Runtime refused model {definition.Name} ({definition.Path}): {e.Message}", e);
        }
    }

    /// <summary>Runs zeros through the session (which also warms it up) and answers the output values per image.</summary>
    private static int Probe(InferenceSession session, PreprocessSpec input, int count)
    {
        var zeros = new float[count * input.TensorLength];
        using var tensor = OrtValue.CreateTensorValueFromMemory(zeros, [count, 3, input.Height, input.Width]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [session.InputNames[0]], [tensor], [session.OutputNames[0]]);
        var values = results[0].GetTensorDataAsSpan<float>().Length;
        if (values % count != 0)
            throw new ModelLoadException($"{values} output values do not split into {count} images.");
        return values / count;
    }

    public void Dispose() => _session.Dispose();
}
