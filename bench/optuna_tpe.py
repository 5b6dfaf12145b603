"""Optuna's multivariate TPE on the optimiser bench's test functions, for comparison in the same run.

Usage: optuna_tpe.py OBJECTIVE TRIALS NOISE_SD SEED [SEED ...]
Prints one JSON object: {"objective", "trials", "noise_sd", "regrets": [one per seed]}. The regret is the noiseless
value at the trial Optuna reports as best, minus the global minimum, so noisy runs are scored on the truth.
"""
import json
import warnings
import math
import random
import sys

import optuna

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
HARTMANN_P = [
    [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
    [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
    [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
    [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
]


def branin(x1, x2):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    q = x2 - b * x1 * x1 + c * x1 - 6
    return q * q + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


OBJECTIVES = {
    "branin": (
        lambda trial: (trial.suggest_float("x1", -5, 10), trial.suggest_float("x2", 0, 15)),
        lambda x: branin(*x),
        0.397887357729738,
    ),
    "hartmann6": (
        lambda trial: tuple(trial.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)),
        hartmann6,
        -3.32236801141551,
    ),
}


def regret(name, trials, noise_sd, seed):
    suggest, truth, minimum = OBJECTIVES[name]
    noise = random.Random(seed)
    points = {}

    def objective(trial):
        x = suggest(trial)
        points[trial.number] = x
        return truth(x) + (noise.gauss(0, noise_sd) if noise_sd > 0 else 0.0)

    sampler = optuna.samplers.TPESampler(multivariate=True, seed=seed)
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=trials)
    return truth(points[study.best_trial.number]) - minimum


def main(argv):
    if len(argv) < 5 or argv[1] not in OBJECTIVES:
        sys.exit(f"usage: {argv[0]} {{{'|'.join(OBJECTIVES)}}} TRIALS NOISE_SD SEED [SEED ...]")
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    name, trials, noise_sd = argv[1], int(argv[2]), float(argv[3])
    regrets = [regret(name, trials, noise_sd, int(seed)) for seed in argv[4:]]
    print(json.dumps({"objective": name, "trials": trials, "noise_sd": noise_sd, "regrets": regrets}))


if __name__ == "__main__":
    main(sys.argv)
