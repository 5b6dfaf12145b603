using Cluster.GrainInterfaces.Compute.Optimization;

namespace Cluster.Grains.Compute.Optimization;

/// <summary>
/// Gaussian-process Bayesian optimisation. After a space-filling <see cref="InitialDesign"/>, each suggestion fits a
/// Matérn-5/2 ARD process to the completed trials (unit-cube inputs, standardised targets; hyperparameters by maximum a
/// posteriori under a <see cref="LengthScalePrior"/>, warm-started from the previous fit; the worst observed target as
/// prior mean), adds the running trials as "kriging believer" fantasies (observed at the posterior mean, which also
/// lowers the incumbent), and maximises expected improvement. Fantasies leave no expected improvement at the running
/// points, so concurrent asks get distinct suggestions.
/// </summary>
internal static class BayesianSampler
{
    private const int IncumbentsSearchedAround = 3;

    /// <summary>Design trials before the first model: the encoded dimensions plus two, between 5 and 20.</summary>
    public static int InitialTrials(int dimensions) => Math.Clamp(dimensions + 2, 5, 20);

    public static Suggestion Suggest(SuggestionRequest request, Random random)
    {
        var space = request.Space;
        var d = UnitCube.Dimensions(space);
        var n = request.Completed.Count;
        var taken = TakenPoints.Encode(space, request.Completed, request.Pending);
        if (n < 2 || taken.Count < InitialTrials(d))
            return new Suggestion(InitialDesign.Suggest(space, taken, random), request.WarmStart);

        var targets = Scalarisation.Targets(request.Completed, request.Objectives, random);
        var standardised = Standardise(targets);
        var completedInputs = taken.Rows(n);
        // The prior mean is the worst target (targets are measured from it): away from the data the posterior reverts
        // to the worst value rather than the average one, so regions the trials say nothing about look no better than
        // the worst trial and EI spends more of the budget resolving the basins it has found.
        PutPriorMeanAtWorst(standardised);
        var hyperparameters = HyperparameterFitting.Fit(completedInputs, n, d, standardised, request.WarmStart, random,
            HyperparameterFitting.EvaluationBudget(n, d));
        var model = GaussianProcess.Condition(completedInputs, n, standardised, hyperparameters);
        var best = Min(standardised);
        if (taken.Count > n)
        {
            var outputs = new double[taken.Count];
            standardised.CopyTo(outputs, 0);
            var scratch = new double[n];
            for (var i = n; i < taken.Count; i++)
            {
                outputs[i] = model.Predict(taken[i], scratch).Mean;
                best = Math.Min(best, outputs[i]);
            }
            model = GaussianProcess.Condition(taken.Rows(taken.Count), taken.Count, outputs, hyperparameters);
        }
        var point = AcquisitionSearch.Maximise(model, space, best, taken, Incumbents(standardised), random);
        return new Suggestion(UnitCube.Decode(space, point), hyperparameters);
    }

    private static double[] Standardise(double[] values)
    {
        var mean = 0.0;
        foreach (var v in values)
            mean += v;
        mean /= values.Length;
        var squares = 0.0;
        foreach (var v in values)
            squares += (v - mean) * (v - mean);
        var sd = Math.Sqrt(squares / Math.Max(values.Length - 1, 1));
        if (!(sd > 1e-12))
            sd = 1;
        var standardised = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            standardised[i] = (values[i] - mean) / sd;
        return standardised;
    }

    private static void PutPriorMeanAtWorst(double[] values)
    {
        var worst = double.NegativeInfinity;
        foreach (var v in values)
            worst = Math.Max(worst, v);
        for (var i = 0; i < values.Length; i++)
            values[i] -= worst;
    }

    private static double Min(double[] values)
    {
        var min = double.PositiveInfinity;
        foreach (var v in values)
            min = Math.Min(min, v);
        return min;
    }

    /// <summary>Indices of the few lowest targets, lowest first.</summary>
    private static int[] Incumbents(double[] targets)
    {
        var count = Math.Min(IncumbentsSearchedAround, targets.Length);
        var order = new int[targets.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort((double[])targets.Clone(), order);
        return order[..count];
    }
}
