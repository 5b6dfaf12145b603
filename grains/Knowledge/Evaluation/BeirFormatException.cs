namespace Cluster.Grains.Knowledge.Evaluation;

/// <summary>A BEIR file that does not parse; the message names the file and line.</summary>
public sealed class BeirFormatException(string file, int line, string reason, Exception? innerException = null)
    : Exception($"{file}:{line}: {reason}", innerException);
