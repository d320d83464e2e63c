"""Port model of bench/simulation.ts in SimPy 3 (Debian python3-simpy3; same API as SimPy 4).

python3 port_simpy.py simple N [REPEATS]     -- Poisson arrivals (13 TEU/h) into a FIFO, 24 sailings/week of 100 TEU,
                                     until N units have sailed (one arrival process, one ferry process)
python3 port_simpy.py fleet UNITS WEEKS [REPEATS] -- a closed fleet: each unit is its own process that arrives, waits for
                                     a sailing (an event the ferry triggers), and comes back after a uniform
                                     100-200 h cycle; 5% of sailings cancelled
Prints one JSON line. Both variants compute, inside the timed part, the outputs simulatePort returns: every wait
with its mean, P50/P90/P95 (numpy, type 7 as ours) and maximum, the time-average queue, and one record per week
(units arrived and shipped, sailings cancelled, queue at the end and longest, mean wait). With REPEATS the model
runs that many times from the same seed and wall_s is the best run, as the TypeScript side reports its best of
REPEATS.
"""
import collections
import json
import random
import sys
import time

import numpy as np
import simpy


def summary(env, q, waits, weekly, shipped):
    """The summary simulatePort returns. The time-average queue is its area over the run; for a FIFO the area
    is the sum of the waits of the units that left plus the time the waiting ones have spent so far (Little)."""
    w = np.asarray(waits)
    p50, p90, p95 = np.percentile(w, [50, 90, 95])
    area = float(w.sum()) + sum(env.now - (t if isinstance(t, float) else t[0]) for t in q)
    return {"mean_wait_h": float(w.mean()), "p50_wait_h": p50, "p90_wait_h": p90, "p95_wait_h": p95,
            "max_wait_h": float(w.max()), "mean_queue": area / env.now, "weeks": len(weekly),
            "throughput_per_week": shipped / (env.now / WEEK)}


def week_ends(env, q, wk, weekly):
    """Closes each week's record at its end (the weekly table of simulatePort)."""
    while True:
        yield env.timeout(WEEK)
        wk["queue_end"] = len(q)
        wk["queue_max"] = max(wk["queue_max"], len(q))
        wk["mean_wait"] = wk["wait_sum"] / wk["shipped"] if wk["shipped"] else float("nan")
        weekly.append(dict(wk))
        wk.update(arrived=0, shipped=0, cancelled=0, queue_max=0, wait_sum=0.0)


def new_week():
    return {"arrived": 0, "shipped": 0, "cancelled": 0, "queue_max": 0, "wait_sum": 0.0}

WEEK = 168.0
OFFS = [d * 24 + h for d in range(6) for h in (2, 8, 14, 20)]  # Mon-Sat, 4 sailings a day
CAP = 100


def simple(n):
    random.seed(42)
    env = simpy.Environment()
    q = collections.deque()
    waits = []
    stats = {"shipped": 0, "sailings": 0, "max_queue": 0}
    wk, weekly = new_week(), []

    def arrivals(env):
        exp = random.expovariate
        while True:
            yield env.timeout(exp(13.0))
            q.append(env.now)
            wk["arrived"] += 1

    def ferry(env):
        week = 0
        while True:
            for o in OFFS:
                yield env.timeout(week * WEEK + o - env.now)
                stats["sailings"] += 1
                stats["max_queue"] = max(stats["max_queue"], len(q))
                wk["queue_max"] = max(wk["queue_max"], len(q))
                k = min(CAP, len(q))
                now = env.now
                ws = 0.0
                for _ in range(k):
                    w = now - q.popleft()
                    waits.append(w)
                    ws += w
                wk["wait_sum"] += ws
                wk["shipped"] += k
                stats["shipped"] += k
                if stats["shipped"] >= n:
                    return
            week += 1

    env.process(arrivals(env))
    env.process(week_ends(env, q, wk, weekly))
    done = env.process(ferry(env))
    t0 = time.perf_counter()
    env.run(until=done)
    out = summary(env, q, waits, weekly, stats["shipped"])
    wall = time.perf_counter() - t0
    return {"model": "simple", "wall_s": wall, "shipped": stats["shipped"], "sailings": stats["sailings"],
            "max_queue": stats["max_queue"], **out}


def fleet(units, weeks):
    random.seed(42)
    env = simpy.Environment()
    q = collections.deque()
    waits = []
    stats = {"shipped": 0, "arrived": 0, "sailings": 0, "cancelled": 0}
    wk, weekly = new_week(), []

    def wagon(env):
        yield env.timeout(random.uniform(100.0, 200.0))
        while True:
            loaded = env.event()
            q.append((env.now, loaded))
            stats["arrived"] += 1
            wk["arrived"] += 1
            yield loaded
            yield env.timeout(random.uniform(100.0, 200.0))

    def ferry(env):
        week = 0
        while True:
            for o in OFFS:
                yield env.timeout(week * WEEK + o - env.now)
                stats["sailings"] += 1
                if random.random() < 0.05:
                    stats["cancelled"] += 1
                    wk["cancelled"] += 1
                    continue
                wk["queue_max"] = max(wk["queue_max"], len(q))
                k = min(CAP, len(q))
                now = env.now
                ws = 0.0
                for _ in range(k):
                    t, ev = q.popleft()
                    w = now - t
                    waits.append(w)
                    ws += w
                    ev.succeed()
                wk["wait_sum"] += ws
                wk["shipped"] += k
                stats["shipped"] += k
            week += 1

    for _ in range(units):
        env.process(wagon(env))
    env.process(week_ends(env, q, wk, weekly))
    env.process(ferry(env))
    t0 = time.perf_counter()
    env.run(until=weeks * WEEK)
    out = summary(env, q, waits, weekly, stats["shipped"])
    wall = time.perf_counter() - t0
    return {"model": "fleet", "wall_s": wall, "units": units, "shipped": stats["shipped"], "arrived": stats["arrived"],
            "sailings": stats["sailings"], "cancelled": stats["cancelled"], **out}


if __name__ == "__main__":
    if sys.argv[1] == "simple":
        n, repeats = int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1
        runs = [simple(n) for _ in range(repeats)]
    else:
        units, weeks = int(sys.argv[2]), int(sys.argv[3])
        repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        runs = [fleet(units, weeks) for _ in range(repeats)]
    r = min(runs, key=lambda x: x["wall_s"])
    r["repeats"] = repeats
    r["simpy"] = simpy.__version__
    print(json.dumps(r))
