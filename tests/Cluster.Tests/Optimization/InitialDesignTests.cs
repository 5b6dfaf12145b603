using Cluster.GrainInterfaces.Compute.Optimization;
using Cluster.Grains.Compute.Optimization;
using Xunit;

namespace Cluster.Tests.Optimization;

public class InitialDesignTests
{
    [Fact]
    public void In_one_dimension_each_step_is_the_inverse_golden_ratio()
    {
        var point = InitialDesign.Point([0.0], 1);

        Assert.Equal(0.6180339887498949, point[0], 1e-12);
    }

    [Fact]
    public void In_two_dimensions_the_steps_are_the_inverse_powers_of_the_plastic_number()
    {
        var point = InitialDesign.Point([0.25, 0.5], 3);

        Assert.Equal((0.25 + 3 * 0.7548776662466927) % 1, point[0], 1e-12);
        Assert.Equal((0.5 + 3 * 0.5698402909980532) % 1, point[1], 1e-12);
    }

    [Fact]
    public void A_gaussian_process_study_starts_with_the_design_from_its_first_trial()
    {
        var objective = SyntheticObjectives.Hartmann6;
        var state = Study.Create(new StudySpec(objective.Name, objective.Parameters, [new ObjectiveSpec("value", "minimize")], "gp", 3), 3);
        var points = new List<double[]>();
        for (var i = 0; i < 8; i++)
        {
            var (asked, trial) = Study.Ask(state);
            state = Study.Tell(asked, trial.Id, TrialReport.Completed(objective.Evaluate(trial.Params)));
            var point = new double[6];
            UnitCube.Encode(state.Space, trial.Params, point);
            points.Add(point);
        }

        for (var i = 1; i < points.Count; i++)
        {
            var expected = InitialDesign.Point(points[0], i);
            for (var k = 0; k < 6; k++)
                Assert.Equal(expected[k], points[i][k], 1e-9);
        }
    }
}
