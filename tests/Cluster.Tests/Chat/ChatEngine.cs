using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Caching;
using Cluster.Grains.Chat.Retrieval;
using Cluster.Grains.Chat.Sessions;
using Cluster.Grains.Chat.Streams;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cluster.Tests.Chat;

/// <summary>The answering engine wired as a silo wires it, with memory streams and a memory cache.</summary>
internal sealed class ChatEngine
{
    public ChatEngine(IAnswerer? answerer = null, RetrievalOptions? retrieval = null)
    {
        Cache = new TieredCache(new CacheOptions(), TimeProvider.System);
        Events = new MemoryChatEventStore(new ChatStreamOptions(), TimeProvider.System);
        Retriever = new PassageRetriever(retrieval ?? new RetrievalOptions(), new RetrievalCache(Cache));
        Pipeline = new AnswerPipeline(Retriever, answerer ?? new ExtractiveAnswerer(new ExtractiveOptions()), NullLogger<AnswerPipeline>.Instance);
    }

    public TieredCache Cache { get; }

    public MemoryChatEventStore Events { get; }

    public PassageRetriever Retriever { get; }

    public AnswerPipeline Pipeline { get; }

    /// <summary>Answers as a session does: the pipeline's events, then the final one.</summary>
    public async Task<AnswerOutcome> AnswerAsync(AnswerJob job, CancellationToken stop)
    {
        var writer = new ChatEventWriter(Events, IChatEventStore.StreamOf(job.SessionId, job.MessageId));
        var outcome = await Pipeline.RunAsync(job, writer, stop);
        await outcome.EndStreamAsync(writer);
        return outcome;
    }

    public static AnswerJob Job(IPassageSource source, string question, string messageId = "m1", int topK = 3) =>
        new("s1", messageId, question, topK, [], source, System.Diagnostics.Stopwatch.GetTimestamp());
}
