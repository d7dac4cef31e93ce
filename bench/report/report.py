#!/usr/bin/env python3
"""Turns the benchmarks' JSON lines into the table printed by bench/run, bench/results.md and the
plots. Every number comes from the lines of this run; the only hand-written text is bench/findings.md
(why a target is missed and what to do), which is quoted as it is."""
import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import svg  # noqa: E402

HOSTS = [("c", "C floor"), ("notrain", "NoTrain"), ("python", "Python")]
NOISY_PAGE_METRICS = ("observer_main_thread", "observer_added")


def read_lines(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def load(folder):
    """(this build's results, the baseline's): the baseline's store ran apart (store-baseline.jsonl), its page
    passes are labelled "build": "baseline", its host is host "baseline" beside the others in host.jsonl."""
    lines = [line for name in ("host.jsonl", "store.jsonl", "page.jsonl") for line in read_lines(folder / name)]
    results = [line for line in lines if line.get("build") != "baseline"]
    baseline = read_lines(folder / "store-baseline.jsonl") + [line for line in lines if line.get("build") == "baseline"]
    return results, baseline


def find(results, name, **labels):
    for result in results:
        if result.get("name") == name and all(result.get(k) == v for k, v in labels.items()):
            return result
    return None


def fmt(value, digits=3):
    if value is None:
        return "–"
    if abs(value) >= 1_000:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}"


def ratio(value, floor):
    return f"{value / floor:.2f}x" if value is not None and floor else "–"


def host_rows(results):
    """(label, unit, {host: value}) for the side-by-side table."""
    rows = []
    for name, stat, label in [("cold_start", "median", "cold start, spawn to exit (median)"),
                              ("cold_start", "p90", "cold start, spawn to exit (p90)"),
                              ("cold_start_to_reply", "median", "cold start, spawn to reply (median)"),
                              ("round_trip", "median", "round trip on an open pipe (median)"),
                              ("round_trip", "p99", "round trip on an open pipe (p99)"),
                              ("pipelined", "median", "pipelined ping throughput")]:
        values, unit = {}, ""
        for host, _ in HOSTS:
            result = find(results, name, host=host)
            if result:
                values[host], unit = result[stat], result["unit"]
        if values:
            rows.append((label, unit, values))
    peak = {host: (find(results, "round_trip", host=host) or {}).get("peak_rss_kib") for host, _ in HOSTS}
    if any(peak.values()):
        rows.append(("peak memory of a host process", "KiB", peak))
    return rows


def verdict(ok, tiny):
    if tiny:
        return "not judged (tiny run)"
    return "**met**" if ok else "**missed**"


def targets(results, tiny):
    """[(target, measured, verdict, shortfall)]"""
    out = []
    c, nt = find(results, "cold_start", host="c"), find(results, "cold_start", host="notrain")
    if c and nt:
        r = nt["median"] / c["median"]
        out.append(("NoTrain cold start ≤ 1.5× the C floor (median, spawn to exit)",
                    f'{fmt(nt["median"])} ms vs {fmt(c["median"])} ms = {r:.2f}×', verdict(r <= 1.5, tiny),
                    "" if r <= 1.5 else f"{r / 1.5:.2f}× over the allowed ratio "
                    f'({fmt(nt["median"] - 1.5 * c["median"])} ms too slow)'))
    c, nt = find(results, "pipelined", host="c"), find(results, "pipelined", host="notrain")
    if c and nt:
        r = nt["median"] / c["median"]
        out.append(("NoTrain pipelined ping ≥ 0.5× the C floor",
                    f'{fmt(nt["median"])} vs {fmt(c["median"])} msg/s = {r:.2f}×', verdict(r >= 0.5, tiny),
                    "" if r >= 0.5 else f"reaches {r / 0.5:.0%} of the target"))
    biggest = max([r["records"] for r in results if r.get("name") == "list_first_page"], default=None)
    for name, label, limit in [("list_first_page", "first page", 5), ("list_last_page", "last page by OFFSET", 5),
                               ("list_last_page_cursor", "last page by cursor", 1)]:
        result = find(results, name, records=biggest) if biggest else None
        if result:
            ok = result["median"] < limit
            out.append((f"a page of 50 of {biggest:,} records < {limit} ms ({label}, through the host)",
                        f'{fmt(result["median"])} ms (p90 {fmt(result["p90"])})', verdict(ok, tiny),
                        "" if ok else f'{result["median"] / limit:.1f}× the target'))
    result = find(results, "store_verify", records=biggest) if biggest else None
    if result:
        ok = result["median"] < 2000
        out.append((f"verify of {biggest:,} records < 2 s (every digest, the chain)", f'{fmt(result["median"])} ms',
                    verdict(ok, tiny), "" if ok else f'{result["median"] / 2000:.1f}× the target'))
    for fmt_name in ("json", "csv"):
        result = find(results, f"export_{fmt_name}", records=biggest) if biggest else None
        if result:
            ok = result["median"] < 1000
            out.append((f"export of {biggest:,} records < 1 s ({fmt_name.upper()}, `notrain-host export`)",
                        f'{fmt(result["median"])} ms, peak {result["peak_rss_kib"] / 1024:.1f} MiB',
                        verdict(ok, tiny), "" if ok else f'{result["median"] / 1000:.1f}× the target'))
    for result in [r for r in results if r.get("name") in ("detect_pass", "detect_pass_after_change")]:
        ok = result["median"] < 2
        when = "page unchanged" if result["name"] == "detect_pass" else "right after a change"
        out.append((f'detection pass < 2 ms on the large page ({result["page"]}, {when})',
                    f'{fmt(result["median"])} ms (p90 {fmt(result["p90"])}), page {result["dom_bytes"] / 1e6:.1f} MB',
                    verdict(ok, tiny), "" if ok else f'{result["median"] / 2:.1f}× the target'))
    return out


def store_table(results):
    sizes = sorted({r["records"] for r in results if r.get("suite") == "store" and "records" in r})
    metrics = [("list_cold_first_page", "cold host, first page (spawn to reply)", "ms"),
               ("list_first_page", "first page of 50, open host (median)", "ms"),
               ("list_last_page", "last page of 50 by OFFSET, open host (median)", "ms"),
               ("list_last_page_cursor", "last page of 50 by cursor, open host (median)", "ms"),
               ("list_one_service", "first page of one service (median)", "ms"),
               ("store_list_first_page", "Store::list first page, in process", "ms"),
               ("store_list_last_page", "Store::list last page, in process", "ms"),
               ("store_count", "count(*), in process", "ms"),
               ("store_verify", "verify (digests and chain), in process", "ms"),
               ("export_json", "export JSON (median)", "ms"),
               ("export_csv", "export CSV (median)", "ms")]
    lines = ["| | " + " | ".join(f"{s:,} records" for s in sizes) + " |", "|---|" + "---:|" * len(sizes)]
    for name, label, unit in metrics:
        cells = [find(results, name, records=s) for s in sizes]
        if any(cells):
            lines.append(f"| {label} ({unit}) | " + " | ".join(fmt(c["median"]) if c else "–" for c in cells) + " |")
    peaks = [("list_first_page", "peak memory of the host serving the lists (MiB)"),
             ("export_json", "peak memory of export JSON (MiB)"), ("export_csv", "peak memory of export CSV (MiB)")]
    for name, label in peaks:
        cells = [find(results, name, records=s) for s in sizes]
        if any(cells):
            lines.append(f"| {label} | " + " | ".join(f'{c["peak_rss_kib"] / 1024:.1f}' if c else "–" for c in cells) + " |")
    cells = [find(results, "database_size", records=s) for s in sizes]
    if any(cells):
        lines.append("| database size (MiB) | " + " | ".join(f'{c["bytes"] / 2**20:.1f}' if c else "–" for c in cells) + " |")
        lines.append("| database bytes per record | " + " | ".join(f'{c["bytes_per_record"]:.0f}' if c else "–" for c in cells) + " |")
    return lines, sizes


def page_table(results):
    lines = ["| measurement | page | value |", "|---|---|---:|"]
    # Chromium's busy-time counters with and without the content script stay in the raw lines: on a shared
    # machine their difference is noise, the timed look() calls are the measurement.
    for r in [r for r in results if r.get("suite") == "page" and not r["name"].startswith(NOISY_PAGE_METRICS)]:
        value = f'{fmt(r["median"])} {r["unit"]}' if "median" in r else f'{fmt(r.get("value"))} {r["unit"]}'
        extra = f' (p90 {fmt(r["p90"])})' if "p90" in r else ""
        lines.append(f'| {r["label"]} | {r["page"]} | {value}{extra} |')
    return lines if len(lines) > 2 else []


def plots(results, folder):
    written = []
    rows = [(label, find(results, "cold_start", host=h)["median"], find(results, "cold_start", host=h)["p90"])
            for h, label in HOSTS if find(results, "cold_start", host=h)]
    if rows:
        (folder / "cold-start.svg").write_text(svg.bars("Cold start: spawn, one ping, reply, exit", "ms", rows))
        written.append("cold-start.svg")
    series = {}
    for name, label in [("list_first_page", "first page"), ("list_last_page", "last page"),
                        ("list_one_service", "one service"), ("list_cold_first_page", "cold host, first page")]:
        points = [(r["records"], r["median"]) for r in results if r.get("name") == name]
        if points:
            series[label] = points
    if series:
        (folder / "list-time.svg").write_text(svg.lines("confirmation.list, a page of 50, against record count",
                                                        "records in the database", "ms", series, (5, "target 5 ms")))
        written.append("list-time.svg")
    return written


BASELINE_HOST_ROWS = [("cold_start", "median", "cold start, spawn to exit (median)", "ms"),
                      ("round_trip", "median", "round trip on an open pipe (median)", "us"),
                      ("pipelined", "median", "pipelined ping throughput (higher is better)", "msg/s")]
BASELINE_STORE_ROWS = [("list_first_page", "median", "first page of 50, open host (median)", "ms"),
                       ("list_last_page_cursor", "median", "last page of 50 by cursor, open host (median)", "ms"),
                       ("store_verify", "median", "verify (digests and chain), in process", "ms"),
                       ("export_json", "median", "export JSON (median)", "ms"),
                       ("export_csv", "median", "export CSV (median)", "ms"),
                       ("export_json", "peak_rss_kib", "peak memory of export JSON", "KiB")]
BASELINE_PAGE_ROWS = [("detect_pass", "detection pass"), ("detect_pass_after_change", "detection pass right after a change")]


def baseline_rows(results, baseline):
    """(label, unit, baseline value, this build's value) for the measures both builds ran."""
    rows = []
    for name, stat, label, unit in BASELINE_HOST_ROWS:
        then, now = find(results, name, host="baseline"), find(results, name, host="notrain")
        if then and now:
            rows.append((label, unit, then[stat], now[stat]))
    then, now = find(results, "round_trip", host="baseline"), find(results, "round_trip", host="notrain")
    if then and now and then.get("peak_rss_kib") and now.get("peak_rss_kib"):
        rows.append(("peak memory of a host process", "KiB", then["peak_rss_kib"], now["peak_rss_kib"]))
    sizes = sorted({r["records"] for r in baseline if "records" in r})
    if sizes:
        largest = sizes[-1]
        for name, stat, label, unit in BASELINE_STORE_ROWS:
            then, now = find(baseline, name, records=largest), find(results, name, records=largest)
            if then and now and stat in then and stat in now:
                rows.append((f"{label}, {largest:,} records", unit, then[stat], now[stat]))
    for page in dict.fromkeys(r["page"] for r in baseline if r.get("suite") == "page"):
        for name, label in BASELINE_PAGE_ROWS:
            then, now = find(baseline, name, page=page), find(results, name, page=page)
            if then and now:
                rows.append((f"{label}, large {page} page (median)", "ms", then["median"], now["median"]))
    return rows


def baseline_section(results, baseline, commit):
    rows = baseline_rows(results, baseline)
    if not rows:
        return []
    md = ["", "## Against the baseline", "",
          f"The same benchmarks, in this run, for the build of commit `{commit or 'unknown'}` (`bench/run --baseline`): "
          "its host takes part in the interleaved host comparisons, its own store driver ran right after this "
          "build's (not interleaved: on a shared machine those rows move by a third between runs of the same "
          "binary, see the findings), and its engine ran in the same large pages, its passes taking turns with this "
          "build's. A ratio above 1 is slower (or more memory), except for throughput.", "",
          "| | unit | baseline | this build | this build / baseline |", "|---|---|---:|---:|---:|"]
    md += [f"| {label} | {unit} | {fmt(then)} | {fmt(now)} | {ratio(now, then)} |" for label, unit, then, now in rows]
    return md


def console_table(results):
    rows = host_rows(results)
    header = f'{"":42} {"unit":6} {"C floor":>10} {"NoTrain":>10} {"Python":>10} {"NoTrain/C":>10} {"Python/C":>9}'
    lines = [header, "-" * len(header)]
    for label, unit, v in rows:
        lines.append(f'{label:42} {unit:6} {fmt(v.get("c")):>10} {fmt(v.get("notrain")):>10} {fmt(v.get("python")):>10} '
                     f'{ratio(v.get("notrain"), v.get("c")):>10} {ratio(v.get("python"), v.get("c")):>9}')
    return lines


def markdown(results, baseline, args, written):
    tiny = args.tiny
    md = ["# NoTrain benchmarks", ""]
    md += [f"Generated by `bench/run{' --tiny' if tiny else ''}` on {args.when} — commit `{args.commit}`.",
           f"Machine: {args.machine}. Load average at start: {args.load}.", ""]
    if tiny:
        md += ["**Tiny run**: every benchmark ran once on a tiny size to prove it works; the numbers mean nothing.", ""]
    md += ["## Targets", "", "| target | measured | verdict | shortfall |", "|---|---|---|---|"]
    md += [f"| {t} | {m} | {v} | {s} |" for t, m, v, s in targets(results, tiny)]
    md += ["", "## Hosts side by side", "",
           "Each host is started as Chromium starts NoTrain (origin and `--parent-window=0` as arguments, stdin and "
           "stdout pipes) by `notrain-host-bench` with posix_spawn. Cold-start runs are interleaved (each round runs "
           "every host once, in an order drawn afresh) so that machine noise falls on all hosts alike; files are in the "
           "page cache (the browser starts the host again and again, so this is the usual case).", "",
           "| | unit | C floor | NoTrain | Python | NoTrain/C | Python/C |", "|---|---|---:|---:|---:|---:|---:|"]
    for label, unit, v in host_rows(results):
        md.append(f'| {label} | {unit} | {fmt(v.get("c"))} | {fmt(v.get("notrain"))} | {fmt(v.get("python"))} | '
                  f'{ratio(v.get("notrain"), v.get("c"))} | {ratio(v.get("python"), v.get("c"))} |')
    if "cold-start.svg" in written:
        md += ["", "![cold start per host](cold-start.svg)"]
    md += ["", "## What only NoTrain does", "", "| | median | p90 | n |", "|---|---:|---:|---:|"]
    for name, label in [("cold_list_to_reply", "cold `confirmation.list` (opens the database), spawn to reply"),
                        ("cold_list", "cold `confirmation.list`, spawn to exit"),
                        ("cold_ping_same_database_to_reply", "cold `ping` on the same data folder, spawn to reply"),
                        ("save", "`confirmation.save` without screenshot, open host (fsynced)"),
                        ("save_screenshot_2mib", "`confirmation.save` with a 2 MiB PNG screenshot, open host")]:
        r = find(results, name, host="notrain")
        if r:
            md.append(f'| {label} | {fmt(r["median"])} {r["unit"]} | {fmt(r["p90"])} {r["unit"]} | {r["n"]} |')
    cold_list, cold_ping = find(results, "cold_list_to_reply"), find(results, "cold_ping_same_database_to_reply")
    if cold_list and cold_ping:
        md += ["", f'Opening the database (with {cold_list["records"]} records) adds '
               f'{fmt(cold_list["median"] - cold_ping["median"])} ms to the first call that needs it.']
    store_lines, sizes = store_table(results)
    if sizes:
        md += ["", "## Store scale", "",
               "Databases filled through the Store class (records of about 2 KB of text, no screenshot), then copied to "
               "disk; lists go through the real host on an open pipe, exports through `notrain-host export --output`.",
               ""] + store_lines
        if "list-time.svg" in written:
            md += ["", "![list time against record count](list-time.svg)"]
    page_lines = page_table(results)
    if page_lines:
        md += ["", "## Content script in headless Chromium", "",
               "Each page is a fixture's body (tests/fixtures/pages) inside several MB of generated Facebook chrome "
               "and feed (`bench/page/meta_page.mjs`), served at the fixture's real address through Playwright's "
               "routing (every other request is refused). The engine and the content script are bundled by esbuild "
               "as the extension's build does. A pass is `engine.detect(document, location.href)`. While the page "
               "changes (bursts of ten articles in, ten out, 50 ms apart), the content script runs with a fake "
               "extension API and each `look()` it schedules is timed. (Chromium's own busy-time counters, with and "
               "without the content script, are in the raw results: their difference is below this machine's noise.)",
               ""] + page_lines
    md += baseline_section(results, baseline, args.baseline_commit)
    findings = Path(args.findings)
    if findings.exists() and not tiny:
        md += ["", findings.read_text().strip()]
    return "\n".join(md) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True, help="folder with host.jsonl, store.jsonl, page.jsonl")
    parser.add_argument("--markdown", required=True)
    parser.add_argument("--plots", required=True, help="folder for the SVG plots (beside the markdown)")
    parser.add_argument("--findings", default=str(Path(__file__).resolve().parent.parent / "findings.md"))
    parser.add_argument("--tiny", action="store_true")
    parser.add_argument("--commit", default="?")
    parser.add_argument("--baseline-commit", default="", help="the commit of the build given to --baseline")
    parser.add_argument("--when", default="?")
    parser.add_argument("--machine", default="?")
    parser.add_argument("--load", default="?")
    args = parser.parse_args()
    results, baseline = load(Path(args.results))
    if not results:
        sys.exit("report: no results in " + args.results)
    folder = Path(args.plots)
    folder.mkdir(parents=True, exist_ok=True)
    written = plots(results, folder)
    Path(args.markdown).write_text(markdown(results, baseline, args, written))
    print("\n".join(console_table(results)))
    for label, unit, then, now in baseline_rows(results, baseline):
        print(f"against the baseline: {label}: {fmt(then)} -> {fmt(now)} {unit} ({ratio(now, then)})")
    print()
    for target, measured, result, shortfall in targets(results, args.tiny):
        print(f"- {target}: {measured} -> {result.replace('**', '')}{'; ' + shortfall if shortfall else ''}")
    print(f"\nwrote {args.markdown}" + (f" and {', '.join(written)} in {folder}" if written else ""))


if __name__ == "__main__":
    main()
