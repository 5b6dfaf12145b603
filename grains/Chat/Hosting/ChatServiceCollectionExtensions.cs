using Cluster.Grains.Chat.Answering;
using Cluster.Grains.Chat.Caching;
using Cluster.Grains.Chat.Retrieval;
using Cluster.Grains.Chat.Routing;
using Cluster.Grains.Chat.Sessions;
using Cluster.Grains.Chat.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Cluster.Grains.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// What a silo needs to answer chat questions: the options of sections "Chat", "Llm" and "Cache" (validated here,
    /// so a bad setting stops the start), the model router with its health checks, the answerer that
    /// <c>Chat:Answerer</c> names, the retrieval cache, and the answers' event streams (<see cref="AddChatEvents"/>).
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        var chat = Bind<ChatOptions>(configuration, ChatOptions.Section);
        var llm = Bind<LlmOptions>(configuration, LlmOptions.Section);
        llm.Validate();
        chat.Validate(llm.Backends.Count);
        var extractive = Bind<ExtractiveOptions>(configuration, "Chat:Extractive");
        extractive.Validate();
        var retrieval = Bind<RetrievalOptions>(configuration, "Chat:Retrieval");
        retrieval.Validate();
        var cache = Bind<CacheOptions>(configuration, CacheOptions.Section);
        cache.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(chat);
        services.TryAddSingleton(llm);
        services.TryAddSingleton(extractive);
        services.TryAddSingleton(retrieval);
        services.TryAddSingleton(cache);
        services.TryAddSingleton(sp => new LlmRouter(llm, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<LlmHealthMonitor>();
        services.TryAddSingleton<IAnswerer>(sp => chat.UsesModel
            ? new LlmAnswerer(sp.GetRequiredService<LlmRouter>())
            : new ExtractiveAnswerer(extractive));
        services.TryAddSingleton<TieredCache>();
        services.TryAddSingleton<RetrievalCache>();
        services.TryAddSingleton<PassageRetriever>();
        services.TryAddSingleton<AnswerPipeline>();
        return services.AddChatEvents(configuration);
    }

    /// <summary>
    /// The answers' event streams, for silos and for gateways that read them: Redis at <c>Chat:Redis</c>, else at
    /// <c>Cluster:Redis</c> (a cluster always has one), else this process's memory (the embedded default, where the
    /// gateway and the silo share the process).
    /// </summary>
    public static IServiceCollection AddChatEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var streams = Bind<ChatStreamOptions>(configuration, ChatOptions.Section);
        if (streams.EventTtl <= TimeSpan.Zero || streams.PollInterval <= TimeSpan.Zero)
            throw new ChatConfigurationException($"Chat:EventTtl and Chat:PollInterval must be positive; they were {streams.EventTtl} and {streams.PollInterval}.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(streams);
        var redis = configuration["Chat:Redis"] is { Length: > 0 } own ? own : configuration["Cluster:Redis"];
        if (string.IsNullOrWhiteSpace(redis))
            services.TryAddSingleton<IChatEventStore, MemoryChatEventStore>();
        else
            services.TryAddSingleton<IChatEventStore>(_ => new RedisChatEventStore(ConnectionMultiplexer.Connect(redis), streams));
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();
}
