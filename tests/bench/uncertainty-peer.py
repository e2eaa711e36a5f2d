#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The uncertainty and sensitivity analysis of bench-uncertainty, written
with numpy as an analyst would: the same pipeline as Distretto's
distretto_uncertainty_compute() (carry forward up to 2 years, screening at
2/3, country-mean or no imputation, COINr's qTreat or none, min-max, z-score
or percentile rank over the regions and years, weights +-25 %, arithmetic
within pillars, arithmetic or geometric across, ranks, groups against the
EU), N runs of Saltelli's design for the Sobol indices, and the remove-one
test.

    uncertainty-peer.py CSV YEAR RUNS NOMINAL

reads the tidy CSV, runs the analysis (timed, loading apart), and prints
one line: "seconds S runs N evaluations E agree A/B removed R/R" where A/B
counts the regions whose nominal rank matches NOMINAL (Distretto's,
"code rank" per line) and R the sub-indicators whose remove-one mean
shift matches Distretto's to 1e-9.
"""

import csv
import sys
import time

import numpy as np

PILLARS = 3
PER_PILLAR = 8
SHARE = 2.0 / 3.0
CARRY = 2


def load(path):
    rows = list(csv.DictReader(open(path, encoding='utf-8')))
    regions = sorted({r['region'] for r in rows if r['region'] != 'EU27_2020'})
    indicators = sorted({r['indicator'] for r in rows})
    years = sorted({int(r['year']) for r in rows})
    index = {code: i for i, code in enumerate(regions)}
    values = np.full((len(regions), len(years), len(indicators)), np.nan)
    eu = np.full((len(years), len(indicators)), np.nan)
    col = {name: i for i, name in enumerate(indicators)}
    for r in rows:
        y = int(r['year']) - years[0]
        if r['region'] == 'EU27_2020':
            eu[y, col[r['indicator']]] = float(r['value'])
        else:
            values[index[r['region']], y, col[r['indicator']]] = float(r['value'])
    return regions, years, indicators, values, eu


def carry_forward(values):
    out = values.copy()
    n_years = values.shape[1]
    for y in range(1, n_years):
        for back in range(1, CARRY + 1):
            if y - back < 0:
                break
            fill = np.isnan(out[:, y, :]) & ~np.isnan(values[:, y - back, :])
            # The latest year first: only cells still missing take older values.
            out[:, y, :] = np.where(fill, values[:, y - back, :], out[:, y, :])
    return out


def impute(values, screened, countries):
    out = values.copy()
    for c in np.unique(countries):
        members = countries == c
        block = values[members]                       # regions x years x indicators
        usable = ~screened[members][:, :, None] & ~np.isnan(block)
        sums = np.where(usable, block, 0.0).sum(axis=0)
        counts = usable.sum(axis=0)
        # Each region's donors are the others of its country.
        own = np.where(usable, block, 0.0)
        donor_mean = (sums[None] - own) / np.maximum(counts[None] - usable, 1)
        has_donors = (counts[None] - usable) > 0
        fill = np.isnan(block) & ~screened[members][:, :, None] & has_donors
        out[members] = np.where(fill, donor_mean, block)
    return out


def skew(x):
    n = len(x)
    if n < 3:
        return np.nan
    d = x - x.mean()
    m2 = (d * d).sum()
    if m2 <= 0:
        return np.nan
    g1 = np.sqrt(n) * (d ** 3).sum() / m2 ** 1.5
    return g1 * np.sqrt(n * (n - 1)) / (n - 2)


def kurt(x):
    n = len(x)
    if n < 4:
        return np.nan
    d = x - x.mean()
    m2 = (d * d).sum()
    if m2 <= 0:
        return np.nan
    r = n * (d ** 4).sum() / m2 ** 2
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def passes(x):
    s, k = skew(x), kurt(x)
    return np.isnan(s) or np.isnan(k) or abs(s) < 2 or k < 3.5


def treat(population, eu_values):
    """COINr's qTreat on one indicator: the population's values, and the
    EU's cells (transformed alike, never winsorised)."""
    x = population.copy()
    if passes(x):
        return x, eu_values
    n_win = 0
    while not passes(x) and n_win < 5:
        high = skew(x) >= 0
        extreme = x.max() if high else x.min()
        rest = x[x != extreme]
        if rest.size == 0:
            break
        nxt = rest.max() if high else rest.min()
        hit = x == extreme
        x[hit] = nxt
        n_win += hit.sum()
    if passes(x):
        return x, eu_values
    lo, hi = population.min(), population.max()
    return (np.log(np.maximum(population - lo, 0) + 0.01 * (hi - lo)),
            np.log(np.maximum(eu_values - lo, 0) + 0.01 * (hi - lo)))


def normalise(population, targets, how):
    if how == 'minmax':
        lo, hi = population.min(), population.max()
        return 100 * (targets - lo) / (hi - lo) if hi > lo else np.full_like(targets, 50.0)
    if how == 'zscore':
        sd = population.std(ddof=1)
        return 50 + 10 * (targets - population.mean()) / sd if sd > 0 else np.full_like(targets, 50.0)
    s = np.sort(population)
    n = len(s)
    below = np.searchsorted(s, targets, side='left')
    equal = np.searchsorted(s, targets, side='right') - below
    return np.clip(100 * (below + 0.5 * equal - 0.5) / (n - 1), 0, 100)


def competition_ranks(scores):
    ranks = np.zeros(len(scores), dtype=np.int64)
    ok = ~np.isnan(scores)
    neg = -scores[ok]
    ranks[ok] = np.searchsorted(np.sort(neg), neg, side='left') + 1
    return ranks


def aggregate(rows, weights, pillar_weights, geometric):
    """Arithmetic within pillars, arithmetic or geometric across; 2/3 of
    the weight present at each step."""
    n = rows.shape[0]
    present = ~np.isnan(rows)
    w = np.broadcast_to(weights, rows.shape)
    num = np.where(present, rows * w, 0.0).reshape(n, PILLARS, PER_PILLAR).sum(-1)
    have = np.where(present, w, 0.0).reshape(n, PILLARS, PER_PILLAR).sum(-1)
    total = weights.reshape(PILLARS, PER_PILLAR).sum(-1)
    pw = np.where(total > 0, pillar_weights, 0.0)
    ok = (have >= SHARE * total - 1e-12) & (pw > 0)
    pillars = np.where(ok, num / np.where(have > 0, have, 1), np.nan)
    across_total = pw.sum()
    across_have = np.where(ok, pw, 0.0).sum(-1)
    if geometric:
        terms = np.where(ok, pw * np.log(np.maximum(pillars, 0) + 1), 0.0).sum(-1)
        score = np.exp(terms / np.where(across_have > 0, across_have, 1)) - 1
    else:
        terms = np.where(ok, pw * pillars, 0.0).sum(-1)
        score = terms / np.where(across_have > 0, across_have, 1)
    return np.where(across_have >= SHARE * across_total - 1e-12, score, np.nan)


def group(relative):
    g = np.zeros(relative.shape, dtype=np.int64)
    g[relative < 70] = 1
    g[(relative >= 70) & (relative < 100)] = 2
    g[(relative >= 100) & (relative <= 125)] = 3
    g[relative > 125] = 4
    g[np.isnan(relative)] = 0
    return g


def main():
    path, year, runs, nominal_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    regions, years, indicators, raw, eu_raw = load(path)
    countries = np.array([code[:2] for code in regions])
    y = year - years[0]
    rng = np.random.default_rng(1)

    started = time.perf_counter()

    values = carry_forward(raw)
    eu_values = carry_forward(eu_raw[None])[0]
    n_cols = values.shape[2]
    present = (~np.isnan(values)).sum(axis=2)
    screened = (present == 0) | (present / n_cols < SHARE - 1e-12)
    units = np.flatnonzero(~screened[:, y])

    imputations = {'mean': impute(values, screened, countries), 'none': values}
    normalisations = ['minmax', 'zscore', 'rank']
    matrices = {}
    for imputation, data in imputations.items():
        for outliers in ('winsorise', 'none'):
            for how in normalisations:
                m = np.empty((len(units) + 1, n_cols))
                for c in range(n_cols):
                    cells = ~screened & ~np.isnan(data[:, :, c])
                    population = data[:, :, c][cells]
                    eu_col = eu_values[:, c]
                    if outliers == 'winsorise':
                        treated, eu_col = treat(population, eu_col)
                    else:
                        treated = population
                    column = np.full(data.shape[:2], np.nan)
                    column[cells] = treated
                    m[:-1, c] = normalise(treated, column[units, y], how)
                    m[-1, c] = normalise(treated, eu_col[y:y + 1], how)[0]
                matrices[imputation, outliers, how] = m

    def evaluate(u, weights=None):
        """u: the run's uniforms (None: the nominal method)."""
        cw = np.ones(n_cols) if weights is None else weights
        pw = np.ones(PILLARS)
        if u is None:
            norm, agg, imp, out = 'minmax', True, 'mean', 'winsorise'
        else:
            norm = normalisations[min(int(u[0] * 3), 2)]
            agg = min(int(u[1] * 2), 1) == 1
            imp = ('mean', 'none')[min(int(u[2] * 2), 1)]
            out = ('winsorise', 'none')[min(int(u[3] * 2), 1)]
            cw = cw * (0.75 + 0.5 * u[4:4 + n_cols])
            pw = pw * (0.75 + 0.5 * u[4 + n_cols:])
        scores = aggregate(matrices[imp, out, norm], cw, pw, agg)
        ranks = competition_ranks(scores[:-1])
        reference = scores[-1] if not np.isnan(scores[-1]) else np.nanmean(scores[:-1])
        return ranks, group(100 * scores[:-1] / reference)

    nominal, _ = evaluate(None)

    def shift(ranks):
        both = (ranks > 0) & (nominal > 0)
        return np.abs(ranks[both] - nominal[both]).mean() if both.any() else 0.0

    n_slots = 4 + n_cols + PILLARS
    a = rng.random((runs, n_slots))
    b = rng.random((runs, n_slots))
    factors = [(4, n_slots), (0, 1), (1, 2), (2, 3), (3, 4)]   # weights, normalisation, aggregation, imputation, outliers
    f_a = np.empty(runs)
    f_b = np.empty(runs)
    f_ab = np.empty((len(factors), runs))
    ranks_a = np.empty((runs, len(units)))
    groups_a = np.empty((runs, len(units)), dtype=np.int64)
    for j in range(runs):
        ranks, groups = evaluate(a[j])
        f_a[j] = shift(ranks)
        ranks_a[j] = np.where(ranks > 0, ranks, np.nan)
        groups_a[j] = groups
        f_b[j] = shift(evaluate(b[j])[0])
        for i, (first, end) in enumerate(factors):
            u = a[j].copy()
            u[first:end] = b[j, first:end]
            f_ab[i, j] = shift(evaluate(u)[0])

    variance = np.concatenate([f_a, f_b]).var(ddof=1)
    first_order = (f_b * (f_ab - f_a)).mean(axis=1) / variance
    total_order = ((f_a - f_ab) ** 2).mean(axis=1) / (2 * variance)
    lower, median, upper = np.nanpercentile(ranks_a, [5, 50, 95], axis=0)
    probabilities = np.stack([(groups_a == g).mean(axis=0) for g in range(5)])

    removed = []
    for c in range(n_cols):
        weights = np.ones(n_cols)
        weights[c] = 0.0
        ranks, _ = evaluate(None, weights)
        both = (ranks > 0) & (nominal > 0)
        removed.append(np.abs(ranks[both] - nominal[both]).mean())

    seconds = time.perf_counter() - started

    theirs = dict(line.split() for line in open(nominal_path, encoding='utf-8') if line.strip())
    agree = sum(1 for k, u in enumerate(units) if theirs.get(regions[u]) == str(nominal[k]))
    removed_theirs = [float(line.split()[1]) for line in open(nominal_path + '.removed', encoding='utf-8')]
    removed_agree = sum(1 for mine, other in zip(removed, removed_theirs) if abs(mine - other) < 1e-9)
    assert probabilities.shape[1] == len(units) and np.isfinite(first_order).all() and np.isfinite(total_order).all()
    assert (lower <= median).all() and (median <= upper).all()
    print(f"seconds {seconds:.4f} runs {runs} evaluations {runs * (len(factors) + 2) + 1 + n_cols} "
          f"agree {agree}/{len(units)} removed {removed_agree}/{n_cols} "
          f"interval {np.mean(upper - lower):.2f}")


main()
