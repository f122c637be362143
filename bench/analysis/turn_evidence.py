#!/usr/bin/env python3
"""How soon a drone's turn shows in the radar plots: offsets of its plots from its pre-turn straight line, in sigmas.

Fits a straight line (least squares, east and north against time) to the radar plots of truth TRUTH_ID over the
FIT_SECONDS up to and including BEFORE_T, then prints, for each plot up to UNTIL_T, its sideways offset from that
line extrapolated, in metres and in units of the standard deviation of a plot's position in that direction (the
sensor's range and azimuth noise at the plot's range and bearing). A plot of a drone flying straight lies within +-1 sigma two times in three.

Usage: turn_evidence.py SCENARIO TRUTH_ID BEFORE_T UNTIL_T [FIT_SECONDS=30]     (Python 3, standard library only)
For analysis only (docs/alerting-scenarios.md); never part of the product or of CI.
"""
import json
import math
import sys


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    path, truth_id, before, until = argv[1], int(argv[2]), float(argv[3]), float(argv[4])
    fit_seconds = float(argv[5]) if len(argv) > 5 else 30.0
    with open(path, encoding="utf-8") as f:
        scenario = json.load(f)
    radars = {s["id"]: s for s in scenario["sensors"] if s.get("kind") == "rae"}
    plots = []
    for scan in scenario["scans"]:
        if scan["sensor"] not in radars or not before - fit_seconds <= scan["t"] <= until:
            continue
        sensor = radars[scan["sensor"]]
        sx, sy, _ = sensor["position"]
        for d in scan["detections"]:
            if d.get("truth_id") == truth_id:
                r, a, e = d["values"]
                sigma_r, sigma_az = sensor["noise_std"][0], sensor["noise_std"][1]
                plots.append((scan["t"], sx + r * math.cos(e) * math.sin(a), sy + r * math.cos(e) * math.cos(a), a, sigma_r * math.cos(e), r * math.cos(e) * sigma_az))
    fit = [p for p in plots if p[0] <= before]
    if len(fit) < 3:
        sys.exit(f"{path}: truth {truth_id} has {len(fit)} radar plots in [{before - fit_seconds}, {before}]: need 3")
    n = len(fit)
    mean_t = sum(p[0] for p in fit) / n
    var_t = sum((p[0] - mean_t) ** 2 for p in fit)
    line = []
    for axis in (1, 2):
        mean_x = sum(p[axis] for p in fit) / n
        slope = sum((p[0] - mean_t) * (p[axis] - mean_x) for p in fit) / var_t
        line.append((mean_x, slope))
    (ex, ve), (nx, vn) = line
    speed = math.hypot(ve, vn)
    course = math.degrees(math.atan2(ve, vn)) % 360
    print(f"line fitted to {n} plots up to t = {before:g}: course {course:.1f} deg, {speed:.1f} m/s")
    normal = (-vn / speed, ve / speed)  # to the left of the course
    for t, x, y, azimuth, sigma_range, sigma_cross in plots:
        if t < before - 3:
            continue
        px, py = ex + ve * (t - mean_t), nx + vn * (t - mean_t)
        offset = (x - px) * normal[0] + (y - py) * normal[1]
        # The plot's horizontal error along the normal: range error along the line of sight, azimuth error across it.
        along_sight = normal[0] * math.sin(azimuth) + normal[1] * math.cos(azimuth)
        sigma = math.sqrt((along_sight * sigma_range) ** 2 + ((1 - along_sight**2) * sigma_cross**2))
        print(f"t = {t:g}: {offset:+7.1f} m from the line ({offset / sigma:+.2f} sigma of a plot sideways, {sigma:.1f} m)")


if __name__ == "__main__":
    main(sys.argv)
