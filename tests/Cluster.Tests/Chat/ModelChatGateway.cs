using Cluster.Tests.ScriptedOpenAi;

namespace Cluster.Tests.Chat;

/// <summary>The chat gateway answering with a model: a scripted OpenAI server that writes slowly enough to be stopped.</summary>
public sealed class ModelChatGateway : ChatGateway
{
    public ScriptedOpenAiServer Model { get; private set; } = null!;

    protected override string[] Arguments =>
    [
        "--Chat:Answerer=llm",
        "--Llm:Backends:0:Name=scripted",
        "--Llm:Backends:0:Kind=openai",
        $"--Llm:Backends:0:Endpoint={Model.Endpoint}",
        "--Llm:Backends:0:Model=scripted-model",
    ];

    public override async Task InitializeAsync()
    {
        Model = await ScriptedOpenAiServer.StartAsync("scripted");
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
