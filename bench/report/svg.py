"""Two small SVG charts, written by hand so the bench needs no plotting library: horizontal bars
(cold start per host) and lines against a logarithmic x axis (list time against record count)."""
import math
from xml.sax.saxutils import escape

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
FONT = 'font-family="sans-serif" font-size="12"'


def _svg(width, height, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">\n<rect width="100%" height="100%" fill="white"/>\n'
            f'<text x="{width / 2}" y="20" text-anchor="middle" {FONT} font-weight="bold">{escape(title)}</text>\n'
            + "\n".join(body) + "\n</svg>\n")


def _nice_max(value):
    """A round number at least `value` for the end of an axis."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def bars(title, unit, rows):
    """rows: [(label, median, p90)]. A bar per row for the median, a whisker to the p90."""
    left, right, top, row_height = 90, 30, 40, 34
    width, height = 640, top + row_height * len(rows) + 50
    plot = width - left - right
    top_value = _nice_max(max([p90 for _, _, p90 in rows] + [0]))
    scale = plot / top_value
    body = []
    for tick in range(6):
        value = top_value * tick / 5
        x = left + value * scale
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 40}" stroke="#ddd"/>')
        body.append(f'<text x="{x:.1f}" y="{height - 25}" text-anchor="middle" {FONT}>{value:g}</text>')
    body.append(f'<text x="{left + plot / 2}" y="{height - 8}" text-anchor="middle" {FONT}>{escape(unit)} '
                f'(bar: median, line: p90)</text>')
    for index, (label, median, p90) in enumerate(rows):
        y = top + index * row_height + 6
        colour = COLOURS[index % len(COLOURS)]
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" {FONT}>{escape(label)}</text>')
        body.append(f'<rect x="{left}" y="{y}" width="{median * scale:.1f}" height="20" fill="{colour}"/>')
        body.append(f'<line x1="{left + median * scale:.1f}" y1="{y + 10}" x2="{left + p90 * scale:.1f}" '
                    f'y2="{y + 10}" stroke="black"/>')
        body.append(f'<line x1="{left + p90 * scale:.1f}" y1="{y + 4}" x2="{left + p90 * scale:.1f}" '
                    f'y2="{y + 16}" stroke="black"/>')
        body.append(f'<text x="{left + max(median, p90) * scale + 6:.1f}" y="{y + 15}" {FONT}>{median:.3g}</text>')
    return _svg(width, height, body, title)


def lines(title, x_label, y_label, series, target=None):
    """series: {name: [(x, y)]}, x > 0 on a log scale; target: (y, label) drawn as a dashed line."""
    left, right, top, bottom = 70, 170, 40, 50
    width, height = 720, 380
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = sorted({x for points in series.values() for x, _ in points})
    if not xs:
        return _svg(width, height, [], title)
    ys = [y for points in series.values() for _, y in points] + ([target[0]] if target else [])
    top_value = _nice_max(max(ys))
    low, high = math.log10(xs[0]), math.log10(xs[-1])
    span = (high - low) or 1

    def at(x, y):
        px = left + (math.log10(x) - low) / span * plot_w if high > low else left + plot_w / 2
        return px, top + plot_h - y / top_value * plot_h

    body = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>']
    for tick in range(6):
        value = top_value * tick / 5
        _, y = at(xs[0], value)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {FONT}>{value:g}</text>')
    for x in xs:
        px, _ = at(x, 0)
        body.append(f'<text x="{px:.1f}" y="{top + plot_h + 18}" text-anchor="middle" {FONT}>{x:,}</text>')
    body.append(f'<text x="{left + plot_w / 2}" y="{height - 10}" text-anchor="middle" {FONT}>{escape(x_label)}</text>')
    body.append(f'<text x="16" y="{top + plot_h / 2}" text-anchor="middle" {FONT} '
                f'transform="rotate(-90 16 {top + plot_h / 2})">{escape(y_label)}</text>')
    if target:
        _, y = at(xs[0], target[0])
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#d62728" '
                    f'stroke-dasharray="6 4"/>')
        body.append(f'<text x="{left + plot_w + 6}" y="{y + 4:.1f}" {FONT} fill="#d62728">{escape(target[1])}</text>')
    for index, (name, points) in enumerate(series.items()):
        colour = COLOURS[index % len(COLOURS)]
        coords = [at(x, y) for x, y in sorted(points)]
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                    + " ".join(f"{px:.1f},{py:.1f}" for px, py in coords) + '"/>')
        body.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in coords)
        legend_y = top + 14 + index * 18
        body.append(f'<line x1="{left + plot_w + 10}" y1="{legend_y - 4}" x2="{left + plot_w + 30}" '
                    f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="2"/>')
        body.append(f'<text x="{left + plot_w + 34}" y="{legend_y}" {FONT}>{escape(name)}</text>')
    return _svg(width, height, body, title)
