using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class StudySpecValidationTests
{
    private static readonly ObjectiveSpec[] OneObjective = [new("loss", "minimize")];

    private static string FieldOf(StudySpec spec) =>
        Assert.Throws<StudyValidationException>(() => Study.Create(spec, 1)).Field;

    private static StudySpec WithParameters(params ParameterSpec[] parameters) => new("s", parameters, OneObjective);

    [Fact]
    public void A_valid_spec_creates_an_empty_study_with_typed_parameters()
    {
        var state = Study.Create(new StudySpec("tune", [
            new ParameterSpec("lr", "float", 1e-5, 1e-1, Log: true),
            new ParameterSpec("layers", "int", 1, 8),
            new ParameterSpec("optimizer", "categorical", Choices: ["adam", "sgd"]),
        ], [new ObjectiveSpec("accuracy", "maximize")], "gp", 42), 7);

        Assert.Equal(42, state.Seed);
        Assert.Equal(SamplerKind.GaussianProcess, state.Sampler);
        Assert.Equal([ParameterKind.Float, ParameterKind.Int, ParameterKind.Categorical], state.Space.Parameters.Select(p => p.Kind));
        Assert.True(state.Space.Parameters[0].Log);
        Assert.Equal(Direction.Maximize, state.Objectives[0].Direction);
        Assert.Empty(state.Trials);
    }

    [Fact]
    public void The_fallback_seed_is_used_when_the_spec_has_none()
    {
        var state = Study.Create(WithParameters(new ParameterSpec("x", "float", 0, 1)), 99);

        Assert.Equal(99, state.Seed);
    }

    [Fact]
    public void Low_not_below_high_names_the_high_field() =>
        Assert.Equal("parameters[1].high", FieldOf(WithParameters(
            new ParameterSpec("a", "float", 0, 1), new ParameterSpec("b", "float", 2, 2))));

    [Fact]
    public void Log_scale_needs_a_positive_low() =>
        Assert.Equal("parameters[0].low", FieldOf(WithParameters(new ParameterSpec("a", "float", 0, 1, Log: true))));

    [Fact]
    public void Missing_bound_is_named() =>
        Assert.Equal("parameters[0].low", FieldOf(WithParameters(new ParameterSpec("a", "int", null, 4))));

    [Fact]
    public void Int_bounds_must_be_integers() =>
        Assert.Equal("parameters[0].high", FieldOf(WithParameters(new ParameterSpec("a", "int", 1, 4.5))));

    [Fact]
    public void Non_finite_bounds_are_rejected() =>
        Assert.Equal("parameters[0].high", FieldOf(WithParameters(new ParameterSpec("a", "float", 0, double.PositiveInfinity))));

    [Fact]
    public void Categorical_needs_choices() =>
        Assert.Equal("parameters[0].choices", FieldOf(WithParameters(new ParameterSpec("a", "categorical", Choices: []))));

    [Fact]
    public void Categorical_choices_must_be_distinct() =>
        Assert.Equal("parameters[0].choices[2]", FieldOf(WithParameters(new ParameterSpec("a", "categorical", Choices: ["x", "y", "x"]))));

    [Fact]
    public void Categorical_takes_no_bounds() =>
        Assert.Equal("parameters[0].low", FieldOf(WithParameters(new ParameterSpec("a", "categorical", 0, null, Choices: ["x"]))));

    [Fact]
    public void Numeric_parameters_take_no_choices() =>
        Assert.Equal("parameters[0].choices", FieldOf(WithParameters(new ParameterSpec("a", "float", 0, 1, Choices: ["x"]))));

    [Fact]
    public void Parameter_names_must_be_unique() =>
        Assert.Equal("parameters[1].name", FieldOf(WithParameters(
            new ParameterSpec("a", "float", 0, 1), new ParameterSpec("a", "int", 0, 3))));

    [Fact]
    public void Unknown_type_is_named() =>
        Assert.Equal("parameters[0].type", FieldOf(WithParameters(new ParameterSpec("a", "double", 0, 1))));

    [Fact]
    public void A_study_needs_parameters() =>
        Assert.Equal("parameters", FieldOf(new StudySpec("s", [], OneObjective)));

    [Fact]
    public void A_study_needs_a_name() =>
        Assert.Equal("name", FieldOf(new StudySpec(" ", [new ParameterSpec("a", "float", 0, 1)], OneObjective)));

    [Fact]
    public void Objective_direction_is_validated() =>
        Assert.Equal("objectives[0].direction", FieldOf(new StudySpec("s", [new ParameterSpec("a", "float", 0, 1)], [new ObjectiveSpec("loss", "down")])));

    [Fact]
    public void Objective_names_must_be_unique() =>
        Assert.Equal("objectives[1].name", FieldOf(new StudySpec("s", [new ParameterSpec("a", "float", 0, 1)],
            [new ObjectiveSpec("loss", "minimize"), new ObjectiveSpec("loss", "maximize")])));

    [Fact]
    public void Unknown_sampler_is_named() =>
        Assert.Equal("sampler", FieldOf(new StudySpec("s", [new ParameterSpec("a", "float", 0, 1)], OneObjective, "tpe")));

    [Fact]
    public void Thompson_sampling_needs_an_all_categorical_space() =>
        Assert.Equal("sampler", FieldOf(new StudySpec("s", [new ParameterSpec("a", "float", 0, 1)], OneObjective, "thompson")));
}
