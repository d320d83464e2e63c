"""Python peers of the routing benchmark (igraph's C core and networkx), run by bench/routing.ts as a child
process under Debian's system interpreter, where python3-igraph and python3-networkx are installed.

usage: peers.py <igraph|networkx> <p2p|sssp> GRAPH QUERIES N_QUERIES WARMUP REPEATS
Prints one JSON object: build time, per-query times (median over the repeats), the answers (None = unreachable)
and, for full single-source runs, the number of vertices reached, so that the caller can check every answer.
"""
import json
import math
import statistics
import sys
import time

lib, algo, graph_path, queries_path = sys.argv[1:5]
nq, warmup, repeats = (int(x) for x in sys.argv[5:8])

with open(graph_path) as f:
    n, m = map(int, f.readline().split())
    E = [tuple(map(int, line.split())) for line in f]
Q = [tuple(map(int, line.split())) for line in open(queries_path)][:nq]

t0 = time.perf_counter()
if lib == 'igraph':
    import igraph as ig
    version = ig.__version__
    G = ig.Graph(n=n, edges=[(u, v) for u, v, _ in E], directed=True)
    W = [w for _, _, w in E]
    G.es['w'] = W

    if algo == 'p2p':
        # igraph 0.10 has no get_shortest_path; get_shortest_paths with one target stops when it is settled.
        def query(s, t):
            p = G.get_shortest_paths(s, to=t, weights='w', mode='out', output='epath')[0]
            return lambda: (sum(W[e] for e in p) if (p or s == t) else None, None)
    else:
        def query(s, t):
            d = G.distances(source=s, target=None, weights='w', mode='out')[0]
            return lambda: (None if math.isinf(d[t]) else d[t], sum(1 for x in d if not math.isinf(x)))
elif lib == 'networkx':
    import networkx as nx
    version = nx.__version__
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(E, weight='w')

    if algo == 'p2p':
        def query(s, t):
            try:
                d = nx.dijkstra_path_length(G, s, t, weight='w')
            except nx.NetworkXNoPath:
                d = None
            return lambda: (d, None)
    else:
        def query(s, t):
            d = nx.single_source_dijkstra_path_length(G, s, weight='w')
            return lambda: (d.get(t), len(d))
else:
    raise SystemExit('unknown peer ' + lib)
build_ms = (time.perf_counter() - t0) * 1000

for s, t in Q[:warmup]:
    query(s, t)

runs = []
answers = []
for r in range(repeats):
    times = []
    for s, t in Q:
        a = time.perf_counter()
        res = query(s, t)
        times.append((time.perf_counter() - a) * 1000)
        if r == 0:
            answers.append(res())
    runs.append(times)
per_query = [statistics.median(ts) for ts in zip(*runs)]
print(json.dumps({
    'impl': lib, 'algorithm': algo, 'version': version, 'runtime': 'python ' + sys.version.split()[0],
    'queries': len(Q), 'warmup': warmup, 'repeats': repeats, 'buildMs': build_ms, 'timesMs': per_query,
    'dists': [a[0] for a in answers], 'reached': [a[1] for a in answers],
}))
