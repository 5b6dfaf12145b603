namespace Cluster.Grains.Vision.Models;

/// <summary>A model file is missing, is not ONNX, or does not have the input and output its registration states.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
