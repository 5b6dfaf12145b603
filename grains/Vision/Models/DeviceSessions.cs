using Cluster.Grains.Vision.Devices;
using Cluster.Grains.Vision.Preprocessing;

namespace Cluster.Grains.Vision.Models;

/// <summary>
/// The ONNX sessions loaded on one device and the batch runs on them: decode every image, preprocess it into its
/// slice of one NCHW tensor (SIMD C# on the CPU path), run the model once for the batch, split the rows. Loads and
/// runs are called by the device's grain, one at a time, off its turn.
/// </summary>
public sealed class DeviceSessions(VisionDevice device, ModelLoader loader, RgbDecoder decoder) : IDisposable
{
    private readonly Dictionary<string, (LoadedModel Loaded, SimdPreprocessor Preprocessor)> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public VisionDevice Device { get; } = device;

    public LoadedModel Load(ModelDefinition definition)
    {
        var loaded = loader.Load(definition, Device);
        lock (_lock)
        {
            if (_loaded.Remove(definition.Name, out var previous))
                previous.Loaded.Model.Dispose();
            _loaded[definition.Name] = (loaded, new SimdPreprocessor(definition.Input));
        }

        return loaded;
    }

    public void Unload(string model)
    {
        lock (_lock)
        {
            if (_loaded.Remove(model, out var loaded))
                loaded.Loaded.Model.Dispose();
        }
    }

    public LoadedModel? Find(string model)
    {
        lock (_lock)
            return _loaded.TryGetValue(model, out var loaded) ? loaded.Loaded : null;
    }

    /// <summary>
    /// Runs one batch; entry i of the answer is image i's output row, or the reason it could not be decoded (then
    /// its row is absent and the other images still run).
    /// </summary>
    public BatchOutcome Run(string model, IReadOnlyList<byte[]> images)
    {
        (LoadedModel Loaded, SimdPreprocessor Preprocessor) entry;
        lock (_lock)
        {
            if (!_loaded.TryGetValue(model, out entry))
                throw new ModelLoadException($"Model {model} is not loaded on device {Device.Id}.");
        }

        var onnx = entry.Loaded.Model;
        var perImage = onnx.Definition.Input.TensorLength;
        var input = new float[images.Count * perImage];
        var errors = new string?[images.Count];
        var slots = new int[images.Count];
        var decoded = 0;
        for (var i = 0; i < images.Count; i++)
        {
            try
            {
                var image = decoder.Decode(images[i]);
                entry.Preprocessor.Preprocess(image, input.AsSpan(decoded * perImage, perImage));
                slots[i] = decoded++;
            }
            catch (ImageDecodeException e)
            {
                errors[i] = e.Message;
                slots[i] = -1;
            }
        }

        var rows = decoded == 0 ? [] : onnx.Run(input, decoded);
        return new BatchOutcome(rows, onnx.OutputWidth, slots, errors, decoded);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var loaded in _loaded.Values)
                loaded.Loaded.Model.Dispose();
            _loaded.Clear();
        }
    }
}
