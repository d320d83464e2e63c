"""Monte Carlo of an itinerary's transit time, vectorised with numpy: the same sampling as
src/core/reliability/monte-carlo.ts (wait for the next weekly departure, a cancelled departure means the next
one, then the step's duration), one array operation per step over all samples.

python3 mc_numpy.py TIMELINE.json SAMPLES SEED REPEATS  -> one JSON line: best wall time and the quantiles

The timed part computes what summariseTransitTimes returns: P5/P10/P50/P90/P95 (type 7), the mean and a 30-bin
histogram from the fastest to the slowest sample.
"""
import json
import sys
import time

import numpy as np

WEEK = 168.0
WEEK_ORIGIN_H = 72.0  # hours from the epoch back to Monday 1969-12-29 00:00 UTC, as timetable.ts


def wait_for_next(offs, t_abs):
    phase = np.mod(t_abs + WEEK_ORIGIN_H, WEEK)
    idx = np.searchsorted(offs, phase - 1e-9, side="left")
    nxt = np.where(idx < len(offs), offs[np.minimum(idx, len(offs) - 1)], offs[0] + WEEK)
    return np.maximum(0.0, nxt - phase)


def run(timeline, n, rng):
    depart = timeline["departH"]
    t = np.zeros(n)
    for s in timeline["steps"]:
        deps = s.get("departuresH")
        if deps:
            offs = np.asarray(deps, dtype=float)
            t += wait_for_next(offs, depart + t)
            p = s.get("cancellationProbability", 0.0)
            if p > 0:
                idx = np.nonzero(rng.random(n) < p)[0]
                while idx.size:
                    tt = t[idx] + 1e-6
                    t[idx] = tt + wait_for_next(offs, depart + tt)
                    idx = idx[rng.random(idx.size) < p]
        d = s["duration"]
        k = d["dist"]
        if k == "fixed":
            t += d["value"]
        elif k == "uniform":
            t += rng.uniform(d["min"], d["max"], n)
        elif k == "triangular":
            t += rng.triangular(d["min"], d["mode"], d["max"], n)
        elif k == "lognormal":
            sigma = np.log(d["p90"] / d["p50"]) / 1.2815515655446004
            t += d["p50"] * np.exp(sigma * rng.standard_normal(n))
        else:
            sample = np.asarray(d["sample"], dtype=float)
            t += sample[rng.integers(0, sample.size, n)]
    return t


def main():
    timeline = json.load(open(sys.argv[1]))
    n, seed, repeats = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    best = float("inf")
    for r in range(repeats + 1):  # the first run warms up
        rng = np.random.default_rng(seed)
        t0 = time.perf_counter()
        t = run(timeline, n, rng)
        q = np.percentile(t, [5, 10, 50, 90, 95])
        mean = float(t.mean())
        counts, _edges = np.histogram(t, bins=30)
        wall = time.perf_counter() - t0
        if r > 0:
            best = min(best, wall)
    print(json.dumps({"wall_s": best, "numpy": np.__version__, "samples": n,
                      "p5": q[0], "p10": q[1], "p50": q[2], "p90": q[3], "p95": q[4], "mean": mean,
                      "histogram_max_count": int(counts.max())}))


if __name__ == "__main__":
    main()
