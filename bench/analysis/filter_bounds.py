#!/usr/bin/env python3
"""Localisation error of reference filters on a cuas-scenario/1 file, drone by drone, for comparison with the tracker.

Each drone is filtered on its own plots only (truth_id picks them: association is perfect, clutter is ignored), from
its first plot, with a nearly-constant-velocity Kalman filter (extended update for range/azimuth/elevation, the
plot's own covariance). Scored at every radar plot from a drone's second one on: pooled RMS of the 3-D error, each
error capped at 50 m (the GOSPA cut-off). Modes:

  cv Q_H Q_V     white-acceleration noise Q_H (east, north) and Q_V (up), m^2/s^3
  known Q        the same filter told each drone's true velocity change between plots (from its truth states),
                 applied as a known input: a clairvoyant bound no real filter reaches
  turns Q_H Q_V [LAG_S]
                 the filter told only each drone's true change of heading between plots (its turns, not its
                 changes of speed or climb): its velocity is turned by that much, as a perfect turn-rate model
                 would; with LAG_S, the change of heading LAG_S seconds earlier (a turn known that much late)
  tracks FILE    not a filter: the tracks of FILE (cuas-tracks/1, e.g. from `vigia track`) scored on the same steps,
                 the nearest track within 50 m of each drone

Usage: filter_bounds.py SCENARIO MODE ARGS...     (needs numpy: Debian python3-numpy)
For analysis only (docs/tracking.md); never part of the product or of CI.
"""
import json
import math
import sys

import numpy as np


def load(path):
    with open(path, encoding="utf-8") as f:
        scenario = json.load(f)
    truth = {o["id"]: {round(s["t"], 3): s for s in o["states"]} for o in scenario["truth"]}
    plots = {}
    for scan in scenario["scans"]:
        for d in scan["detections"]:
            if d.get("truth_id") is not None:
                plots.setdefault(d["truth_id"], []).append((scan["t"], d["kind"], d["values"], np.array(d["covariance"])))
    return truth, {k: sorted(v, key=lambda p: p[0]) for k, v in plots.items()}


def transition(dt, q_h, q_v):
    f = np.eye(6)
    q = np.zeros((6, 6))
    for axis, noise in ((0, q_h), (1, q_h), (2, q_v)):
        f[axis, axis + 3] = dt
        q[axis, axis] = noise * dt**3 / 3
        q[axis, axis + 3] = q[axis + 3, axis] = noise * dt**2 / 2
        q[axis + 3, axis + 3] = noise * dt
    return f, q


def rae(x):
    r = math.sqrt(x[0] ** 2 + x[1] ** 2 + x[2] ** 2)
    rh = math.hypot(x[0], x[1])
    z = np.array([r, math.atan2(x[0], x[1]) % (2 * math.pi), math.atan2(x[2], rh)])
    h = np.zeros((3, 6))
    h[0, :3] = [x[0] / r, x[1] / r, x[2] / r]
    h[1, :2] = [x[1] / rh**2, -x[0] / rh**2]
    h[2, :3] = [-x[0] * x[2] / (r * r * rh), -x[1] * x[2] / (r * r * rh), rh / (r * r)]
    return z, h


def first_estimate(kind, values, cov):
    if kind != "rae":
        return np.array(values), cov
    r, a, e = values
    position = np.array([r * math.cos(e) * math.sin(a), r * math.cos(e) * math.cos(a), r * math.sin(e)])
    j = np.array([
        [math.cos(e) * math.sin(a), r * math.cos(e) * math.cos(a), -r * math.sin(e) * math.sin(a)],
        [math.cos(e) * math.cos(a), -r * math.cos(e) * math.sin(a), -r * math.sin(e) * math.cos(a)],
        [math.sin(e), 0.0, r * math.cos(e)],
    ])
    return position, j @ cov @ j.T


def nearest_state(states, t):
    return states.get(round(t, 3)) or states[min(states, key=lambda k: abs(k - t))]


def turn(x, a, b, dt):
    """Turns the estimate's horizontal velocity by the truth's change of heading from state a to state b (position
    following the chord of the arc)."""
    if math.hypot(a["vx"], a["vy"]) <= 1 or math.hypot(b["vx"], b["vy"]) <= 1:
        return  # heading undefined at a hover
    change = math.atan2(b["vx"], b["vy"]) - math.atan2(a["vx"], a["vy"])  # clockwise from north
    change = (change + math.pi) % (2 * math.pi) - math.pi
    c, s = math.cos(change), math.sin(change)
    ve, vn = x[3], x[4]
    turned_e, turned_n = c * ve + s * vn, -s * ve + c * vn
    x[0] += 0.5 * (turned_e - ve) * dt
    x[1] += 0.5 * (turned_n - vn) * dt
    x[3], x[4] = turned_e, turned_n


def run_filter(truth, plots, q_h, q_v, known, lag=0.0):
    """Yields (drone, t, estimate) at every radar plot from each drone's second plot on."""
    for drone, drone_plots in plots.items():
        states = truth[drone]
        x = p = None
        last = None
        for count, (t, kind, values, cov) in enumerate(drone_plots, start=1):
            if x is None:
                position, position_cov = first_estimate(kind, values, cov)
                x = np.concatenate([position, [0.0, 0.0, 0.0]])
                p = np.zeros((6, 6))
                p[:3, :3] = position_cov
                p[3, 3] = p[4, 4] = 12.0**2  # the tracker's initial velocity spread (TrackerOptions)
                p[5, 5] = 3.0**2
            else:
                dt = t - last
                f, q = transition(dt, q_h, q_v)
                x = f @ x
                p = f @ p @ f.T + q
                if known == "known":
                    a, b = nearest_state(states, last), nearest_state(states, t)
                    dv = np.array([b["vx"] - a["vx"], b["vy"] - a["vy"], b["vz"] - a["vz"]])
                    x[:3] += 0.5 * dv * dt
                    x[3:] += dv
                elif known == "turns":
                    turn(x, nearest_state(states, last - lag), nearest_state(states, t - lag), dt)
                if kind == "rae":
                    z, h = rae(x)
                    nu = np.array(values) - z
                    nu[1] = (nu[1] + math.pi) % (2 * math.pi) - math.pi
                else:
                    h = np.zeros((3, 6))
                    h[:, :3] = np.eye(3)
                    nu = np.array(values) - x[:3]
                s = h @ p @ h.T + cov
                k = p @ h.T @ np.linalg.inv(s)
                x = x + k @ nu
                p = (np.eye(6) - k @ h) @ p
            last = t
            if kind == "rae" and count >= 2:
                yield drone, t, x[:3]


def steps(truth, plots):
    """The (drone, t) pairs the filters are scored on."""
    for drone, drone_plots in plots.items():
        for count, (t, kind, _, _) in enumerate(drone_plots, start=1):
            if kind == "rae" and count >= 2:
                yield drone, t


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    truth, plots = load(argv[1])
    mode = argv[2]
    errors = []
    if mode in ("cv", "known", "turns"):
        q_h = float(argv[3])
        q_v = float(argv[4]) if mode != "known" else q_h
        lag = float(argv[5]) if mode == "turns" and len(argv) > 5 else 0.0
        for drone, t, estimate in run_filter(truth, plots, q_h, q_v, mode, lag):
            s = truth[drone][round(t, 3)]
            errors.append(min(50.0, math.dist(estimate, (s["x"], s["y"], s["z"]))))
    elif mode == "tracks":
        with open(argv[3], encoding="utf-8") as f:
            snapshots = {round(s["t"], 3): s["tracks"] for s in json.load(f)["snapshots"]}
        for drone, t in steps(truth, plots):
            s = truth[drone][round(t, 3)]
            distances = [math.dist((k["x"], k["y"], k["z"]), (s["x"], s["y"], s["z"])) for k in snapshots.get(round(t, 3), [])]
            errors.append(min([50.0, *distances]))
    else:
        sys.exit(f"unknown mode {mode!r}\n{__doc__}")
    rms = math.sqrt(sum(e * e for e in errors) / len(errors))
    print(f"{mode} {' '.join(argv[3:])}: localisation RMS {rms:.2f} m over {len(errors)} drone-steps")


if __name__ == "__main__":
    main(sys.argv)
