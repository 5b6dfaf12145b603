using Cluster.Tests.FakeOpenAi;

namespace Cluster.Tests.Chat;

/// <summary>The chat gateway answering with a model: a fake OpenAI server that writes slowly enough to be stopped.</summary>
public sealed class ModelChatGateway : ChatGateway
{
    public FakeOpenAiServer Model { get; private set; } = null!;

    protected override string[] Arguments =>
    [
        "--Chat:Answerer=llm",
        "--Llm:Backends:0:Name=fake",
        "--Llm:Backends:0:Kind=openai",
        $"--Llm:Backends:0:Endpoint={Model.Endpoint}",
        "--Llm:Backends:0:Model=fake-model",
    ];

    public override async Task InitializeAsync()
    {
        Model = await FakeOpenAiServer.StartAsync("fake");
        Model.Tokens = 200;
        Model.TokenDelay = TimeSpan.FromMilliseconds(20);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}
