"""Monte Carlo simulation of NPV over chosen drivers, vectorised over draws.

Marginals are triangular, normal or PERT; correlation between drivers is imposed on ranks
with the Iman-Conover method (Iman & Conover 1982), which keeps each marginal sample intact.
Draws are reproducible for a given seed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.drivers import Driver, check_driver, factors_for
from itpo.appraisal.engine import Scalar, compute, npv_of, prepare
from itpo.appraisal.errors import InvalidInputError
from itpo.appraisal.model import Model


@dataclass(frozen=True)
class Triangular:
    """Triangular distribution on [low, high] with the given mode."""

    low: float
    mode: float
    high: float


@dataclass(frozen=True)
class Normal:
    """Normal distribution."""

    mean: float
    sd: float


@dataclass(frozen=True)
class Pert:
    """Beta-PERT distribution on [low, high] with the given mode (lambda = 4)."""

    low: float
    mode: float
    high: float


Distribution = Triangular | Normal | Pert
# Eigenvalues this far below zero are rounding, not an impossible set of coefficients.
PSD_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Correlation:
    """The rank correlation imposed between two drivers."""

    driver_a: Driver
    driver_b: Driver
    coefficient: float


@dataclass(frozen=True)
class MonteCarloResult:
    """Summary of the simulated total-capital NPV."""

    draws: int
    seed: int
    expected_npv: float
    std_npv: float
    p_negative: float
    p10: float
    p50: float
    p90: float
    histogram_edges: list[float]
    histogram_counts: list[int]
    npvs: FloatArray
    # The factors (or rates) drawn for each driver, in draw order.
    drawn: Mapping[str, FloatArray] = field(default_factory=dict)


def _check(dist: Distribution, path: str) -> None:
    if isinstance(dist, Normal):
        if not (np.isfinite(dist.mean) and np.isfinite(dist.sd) and dist.sd >= 0):
            raise InvalidInputError(path, f"normal needs a finite mean and sd >= 0, got {dist}")
    elif not (dist.low <= dist.mode <= dist.high and np.isfinite(dist.high - dist.low)):
        raise InvalidInputError(path, f"needs low <= mode <= high, got {dist}")


def sample(dist: Distribution, n: int, rng: np.random.Generator) -> FloatArray:
    """n independent draws from one distribution (constant when its width is zero)."""
    if isinstance(dist, Normal):
        return dist.mean + dist.sd * rng.standard_normal(n)
    width = dist.high - dist.low
    if width == 0:
        return np.full(n, dist.low)
    if isinstance(dist, Triangular):
        return rng.triangular(dist.low, dist.mode, dist.high, n)
    alpha = 1.0 + 4.0 * (dist.mode - dist.low) / width
    beta = 1.0 + 4.0 * (dist.high - dist.mode) / width
    return dist.low + width * rng.beta(alpha, beta, n)


def correlation_matrix(names: Sequence[str], pairs: Sequence[Correlation]) -> FloatArray:
    """The matrix over drivers `names` (in that order): unit diagonal, 0 where no pair is given."""
    index = {name: i for i, name in enumerate(names)}
    out = np.eye(len(names))
    for pair in pairs:
        i, j = index[pair.driver_a], index[pair.driver_b]
        out[i, j] = out[j, i] = pair.coefficient
    return out


def is_psd(matrix: FloatArray) -> bool:
    """True when the symmetric matrix is positive semi-definite (within rounding)."""
    return bool(np.linalg.eigvalsh(matrix).min() >= -PSD_TOLERANCE)


def inconsistent_groups(matrix: FloatArray) -> list[tuple[int, ...]]:
    """The smallest sets of drivers (as indices) whose coefficients cannot hold together."""
    k = matrix.shape[0]
    found: list[tuple[int, ...]] = []
    # Any pair within -1..1 is possible, so the smallest impossible set has three drivers.
    for size in range(3, k + 1):
        for group in itertools.combinations(range(k), size):
            if any(set(g) <= set(group) for g in found):
                continue
            if not is_psd(matrix[np.ix_(group, group)]):
                found.append(group)
    return found


def _factor(correlation: FloatArray) -> FloatArray:
    """A matrix L with L @ L.T == correlation; singular (e.g. a coefficient of 1) allowed."""
    try:
        return np.asarray(np.linalg.cholesky(correlation), dtype=np.float64)
    except np.linalg.LinAlgError:
        values, vectors = np.linalg.eigh(correlation)
        return np.asarray(vectors * np.sqrt(np.clip(values, 0.0, None)), dtype=np.float64)


def iman_conover(
    samples: FloatArray, correlation: FloatArray, rng: np.random.Generator
) -> FloatArray:
    """Reorder each column of samples (n, k) so their rank correlation follows the target."""
    n, k = samples.shape
    if not is_psd(correlation):
        raise InvalidInputError("correlation", "must be positive semi-definite")
    chol = _factor(correlation)
    scores = rng.standard_normal((n, k))
    # Whiten the scores first so the imposed correlation is not polluted by sampling noise.
    emp = np.corrcoef(scores, rowvar=False) if k > 1 else np.ones((1, 1))
    scores = scores @ np.linalg.inv(np.linalg.cholesky(emp)).T @ chol.T
    ranks = np.argsort(np.argsort(scores, axis=0), axis=0)
    ordered = np.sort(samples, axis=0)
    return np.take_along_axis(ordered, ranks, axis=0)


def simulate(
    model: Model,
    distributions: Mapping[str, Distribution],
    *,
    draws: int = 10_000,
    seed: int = 0,
    correlation: Sequence[Sequence[float]] | FloatArray | None = None,
    bins: int = 30,
) -> MonteCarloResult:
    """Simulate NPV; multiplicative drivers are factors (1.0 = base), discount_rate a rate."""
    if draws < 1:
        raise InvalidInputError("draws", f"must be at least 1, got {draws}")
    names: list[Driver] = [check_driver(d, "distributions") for d in distributions]
    for name in names:
        _check(distributions[name], f"distributions.{name}")
    rng = np.random.default_rng(seed)
    k = len(names)
    cols = np.column_stack([sample(distributions[d], draws, rng) for d in names]) if k else None
    if correlation is not None and cols is not None:
        corr = np.asarray(correlation, dtype=np.float64)
        if (
            corr.shape != (k, k)
            or not np.allclose(corr, corr.T)
            or not np.allclose(np.diag(corr), 1.0)
        ):
            raise InvalidInputError(
                "correlation", f"must be a symmetric {k}x{k} matrix with a unit diagonal"
            )
        if np.any(np.abs(corr) > 1):
            raise InvalidInputError("correlation", "entries must be within -1..1")
        groups = inconsistent_groups(corr)
        if groups:
            sets = "; ".join(", ".join(names[i] for i in g) for g in groups)
            raise InvalidInputError(
                "correlation", f"is not positive semi-definite: no draws can correlate {sets} so"
            )
        if k > 1:
            cols = iman_conover(cols, corr, rng)
    base = prepare(model)
    values: dict[Driver, Scalar] = {}
    if cols is not None:
        for j, d in enumerate(names):
            values[d] = cols[:, j : j + 1]
    flows = compute(base, factors_for(values, model.discount_rate))
    npvs = np.broadcast_to(npv_of(flows.total, flows.discount_rate), (draws,)).copy()
    counts, edges = np.histogram(npvs, bins=bins)
    p10, p50, p90 = np.percentile(npvs, [10, 50, 90])
    return MonteCarloResult(
        draws=draws,
        seed=seed,
        expected_npv=float(npvs.mean()),
        std_npv=float(npvs.std()),
        p_negative=float(np.mean(npvs < 0)),
        p10=float(p10),
        p50=float(p50),
        p90=float(p90),
        histogram_edges=[float(e) for e in edges],
        histogram_counts=[int(c) for c in counts],
        npvs=npvs,
        drawn={d: cols[:, j] for j, d in enumerate(names)} if cols is not None else {},
    )
