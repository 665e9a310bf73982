"""The benchmark harness: one command measures the Rust core, the Python API, the CLI and a
ripgrep baseline over generated corpora, and checks the targets in BENCHMARKS.md.

    .venv/bin/python benchmarks/run.py --sizes 10,100          # or: make bench

For each size it builds (once) a varied corpus with ``benchmarks/corpus.py`` under ``bench-data/``,
then measures, each in a fresh process so peak RSS is that run's alone:

* the Rust core alone on one thread (criterion, ``benches/pipeline.rs``) over the first ``--rust-mb``
  MB of the smallest corpus (criterion repeats it many times), whole pipeline and each stage;
  ``--skip-rust`` leaves it out;
* ``api-1t`` / ``api-Nt``: ``nkextract.extract(folder, meta=meta.csv)`` with ``RAYON_NUM_THREADS``
  set to 1 and to every core, timed around the call (files are read and frames built inside);
* ``cli``: ``nkextract extract folder --out DIR --meta meta.csv --quiet``, timed as a whole process;
* ``rg``: ``rg -j1 -c -i -f benchmarks/patterns.txt folder``, a single-pass multi-pattern scan over
  the same files, the yardstick that survives noisy machines.

Every timing is the best of ``--repeat`` runs (``--repeat-large`` from 50 MB up) (the median is kept in the JSON too). Results go to
stdout as Markdown and to ``bench-data/results.json``. Timing is never asserted in tests; this
script only reports whether the targets are met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_mod  # noqa: E402

DATA = ROOT / "bench-data"
PATTERNS = Path(__file__).resolve().parent / "patterns.txt"

# Targets (see BENCHMARKS.md).
API_1T_MBPS = 30.0
SPEEDUP_2T = 1.8
RG_RATIO = 10.0
CLI_RSS_MB = 300.0
LINEAR_RATIO = 11.0


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Runs a command; returns (wall seconds, peak RSS in MB of that process alone, stdout).

    The child is reaped with ``os.wait4`` so its own ``ru_maxrss`` is read (``RUSAGE_CHILDREN``
    would be the maximum over every child so far)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.read()[-3000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read()  # ru_maxrss is in KiB on Linux


def best(times: list[float]) -> dict[str, float]:
    return {"best": min(times), "median": statistics.median(times)}


def measure(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> dict[str, object]:
    """Runs ``cmd`` ``repeat`` times; a command that prints JSON with "seconds" is timed by it."""
    walls, inner, rss, payload = [], [], [], {}
    for _ in range(repeat):
        wall, peak, out = run_measured(cmd, env)
        walls.append(wall)
        rss.append(peak)
        if out.strip().startswith("{"):
            payload = json.loads(out)
            inner.append(float(payload["seconds"]))
    timed = inner or walls
    return {**best(timed), "wall": best(walls), "peak_rss_mb": max(rss), "runs": timed, **{k: v for k, v in payload.items() if k != "seconds"}}


def api_worker(folder: str, meta: str) -> int:
    """Runs inside the child process: one timed call of the public API."""
    import nkextract

    started = time.perf_counter()
    tables = nkextract.extract(folder, meta=meta)
    seconds = time.perf_counter() - started
    rows = {name: frame.height for name, frame in tables}
    print(json.dumps({"seconds": seconds, "rows": rows}))
    return 0


def rust_bench(corpus_dir: Path, cap_mb: float | None) -> dict[str, object]:
    env = {**os.environ, "NKEXTRACT_BENCH_CORPUS": str(corpus_dir)}
    if cap_mb:
        env["NKEXTRACT_BENCH_MB"] = str(cap_mb)
    crit = ROOT / "target" / "criterion"
    shutil.rmtree(crit, ignore_errors=True)
    subprocess.run(["cargo", "bench", "--quiet", "--bench", "pipeline"], cwd=ROOT, env=env, check=True)
    out: dict[str, object] = {}
    for bench in sorted(crit.glob("*/**/new/benchmark.json")):
        info = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        seconds = estimates["mean"]["point_estimate"] / 1e9
        nbytes = info["throughput"]["Bytes"]
        out[info["full_id"]] = {"seconds": seconds, "mb_s": nbytes / 1e6 / seconds, "bytes": nbytes}
    return out


def machine() -> dict[str, object]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    import nkextract

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(int(mem) / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "nkextract": nkextract.__version__,
        "debug_build": bool(nkextract._core.DEBUG_BUILD),
        "rg": subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0],
        "loadavg_start": Path("/proc/loadavg").read_text().split()[:3],
    }


def bench_size(mb: float, repeat: int, cores: int) -> dict[str, object]:
    folder = DATA / f"corpus-{mb:g}mb"
    manifest = corpus_mod.build(folder, mb)
    meta = str(folder / "meta.csv")
    nbytes, docs = int(manifest["bytes"]), int(manifest["articles"])
    py = sys.executable
    worker = [py, str(Path(__file__).resolve()), "_api", str(folder), meta]
    results: dict[str, object] = {"mb": nbytes / 1e6, "articles": docs}
    results["api-1t"] = measure(worker, repeat, {**os.environ, "RAYON_NUM_THREADS": "1"})
    results[f"api-{cores}t"] = measure(worker, repeat, {**os.environ, "RAYON_NUM_THREADS": str(cores)})
    cli = shutil.which("nkextract", path=str(Path(py).parent)) or "nkextract"
    with tempfile.TemporaryDirectory(prefix="nkbench-") as tmp:
        results["cli"] = measure([cli, "extract", str(folder), "--out", tmp, "--meta", meta, "--quiet"], repeat)
    results["rg"] = measure(["rg", "-j1", "-c", "-i", "-f", str(PATTERNS), str(folder)], max(repeat, 3))
    for key, value in results.items():
        if isinstance(value, dict):
            value["mb_s"] = nbytes / 1e6 / value["best"]
            value["articles_s"] = docs / value["best"]
    return results


def report(all_results: dict[str, object], cores: int) -> str:
    lines = ["| corpus | run | seconds (best) | median | MB/s | articles/s | peak RSS MB |", "|---|---|---:|---:|---:|---:|---:|"]
    checks = []
    sizes = all_results["sizes"]
    for size, res in sizes.items():
        label = f"{res['mb']:.1f} MB / {res['articles']} art."
        for key, value in res.items():
            if not isinstance(value, dict):
                continue
            lines.append(
                f"| {label} | {key} | {value['best']:.2f} | {value['median']:.2f} | {value['mb_s']:.1f} | "
                f"{value['articles_s']:,.0f} | {value['peak_rss_mb']:.0f} |"
            )
        one, many, rg, cli = res["api-1t"], res[f"api-{cores}t"], res["rg"], res["cli"]
        checks.append(f"- {size}: API 1 thread {one['mb_s']:.1f} MB/s (target >= {API_1T_MBPS}): {'met' if one['mb_s'] >= API_1T_MBPS else 'NOT met'}")
        speedup = one["best"] / many["best"]
        checks.append(f"- {size}: API {cores} threads / 1 thread speed-up {speedup:.2f}x (target >= {SPEEDUP_2T}): {'met' if speedup >= SPEEDUP_2T else 'NOT met'}")
        for key in ("api-1t", f"api-{cores}t"):
            ratio = res[key]["best"] / rg["best"]
            checks.append(f"- {size}: {key} / rg -j1 time ratio {ratio:.1f}x (target <= {RG_RATIO}): {'met' if ratio <= RG_RATIO else 'NOT met'}")
        checks.append(f"- {size}: CLI peak RSS {cli['peak_rss_mb']:.0f} MB (target < {CLI_RSS_MB} on 100 MB)")
    keys = list(sizes)
    if len(keys) >= 2:
        small, large = sizes[keys[0]], sizes[keys[-1]]
        scale = large["mb"] / small["mb"]
        for key in ("api-1t", f"api-{cores}t", "cli"):
            ratio = large[key]["best"] / small[key]["best"]
            limit = LINEAR_RATIO * scale / 10
            checks.append(f"- {key}: {keys[-1]} / {keys[0]} time ratio {ratio:.2f} for {scale:.1f}x the bytes (target <= {limit:.1f}): {'met' if ratio <= limit else 'NOT met'}")
    rust = all_results.get("rust") or {}
    rust_lines = []
    if rust:
        rust_lines = ["", "Rust core, one thread (criterion mean):", "", "| benchmark | seconds | MB/s |", "|---|---:|---:|"]
        for name, value in rust.items():
            rust_lines.append(f"| {name} | {value['seconds']:.3f} | {value['mb_s']:.1f} |")
    m = all_results["machine"]
    head = (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Linux {m['kernel']}, Python {m['python']}, "
        f"{m['rg']}, nkextract {m['nkextract']}{' (DEBUG BUILD: numbers meaningless)' if m['debug_build'] else ''}. "
        f"Load average at start {' '.join(m['loadavg_start'])}, at end {' '.join(all_results['loadavg_end'])}."
    )
    return "\n".join([head, "", *lines, *rust_lines, "", "Targets:", "", *checks]) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_api":
        return api_worker(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100", help="corpus sizes in MB, comma-separated (default 10,100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement below 50 MB; the best is reported (default 3)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per measurement from 50 MB up (default 1)")
    parser.add_argument("--skip-rust", action="store_true", help="leave out the criterion benchmark of the core")
    parser.add_argument("--rust-mb", type=float, default=2.0, help="criterion reads this many MB of the smallest corpus (default 2)")
    args = parser.parse_args(argv)
    if shutil.which("rg") is None:
        raise SystemExit("ripgrep (rg) is needed for the baseline: apt-get install ripgrep")
    cores = os.cpu_count() or 1
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    results: dict[str, object] = {"machine": machine(), "sizes": {}}
    if results["machine"]["debug_build"]:  # type: ignore[index]
        print("warning: the installed extension is a debug build; run `maturin develop --release`", file=sys.stderr)
    for mb in sizes:
        print(f"corpus {mb:g} MB ...", file=sys.stderr)
        results["sizes"][f"{mb:g}MB"] = bench_size(mb, args.repeat if mb < 50 else args.repeat_large, cores)  # type: ignore[index]
    if not args.skip_rust:
        print("criterion (Rust core, one thread) ...", file=sys.stderr)
        results["rust"] = rust_bench(DATA / f"corpus-{sizes[0]:g}mb", args.rust_mb)
    results["loadavg_end"] = Path("/proc/loadavg").read_text().split()[:3]
    DATA.mkdir(exist_ok=True)
    (DATA / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    text = report(results, cores)
    (DATA / "results.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
