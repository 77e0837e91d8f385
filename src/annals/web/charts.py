"""Charts drawn on the server as SVG (Altair specifications rendered by vl-convert), so pages
show them with no JavaScript and no internet."""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import networkx as nx
import pandas as pd
import vl_convert

from annals.store.summaries import Edge, WeekCount

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLOURS = ["#4e9a5b", "#1f6f3a", "#e08a3c", "#b2302b"]
WIDTH = 760


def _svg(chart: alt.TopLevelMixin) -> str:
    return vl_convert.vegalite_to_svg(chart.to_json(validate=False))


def dyad_timeline(weeks: Sequence[WeekCount], title: str) -> str:
    """Events per week stacked by quad class, with the week's mean Goldstein score as a line."""
    frame = pd.DataFrame(
        [
            {
                "week": w.week,
                "quad": QUADS[w.quad_class],
                "events": w.events,
                "goldstein_sum": w.goldstein * w.events,
            }
            for w in weeks
        ]
    )
    mean = frame.groupby("week", as_index=False).agg(
        events=("events", "sum"), goldstein_sum=("goldstein_sum", "sum")
    )
    mean["goldstein"] = (mean["goldstein_sum"] / mean["events"]).round(2)
    x = alt.X("week:T", title="week", axis=alt.Axis(format="%Y-%m-%d", labelAngle=-40))
    bars = (
        alt.Chart(frame)
        .mark_bar(opacity=0.85)
        .encode(
            x=x,
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color(
                "quad:N",
                title="quad class",
                scale=alt.Scale(domain=list(QUADS.values()), range=QUAD_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
        )
    )
    line = (
        alt.Chart(mean)
        .mark_line(point=True, color="#334", strokeDash=[4, 2])
        .encode(
            x=x,
            y=alt.Y(
                "goldstein:Q",
                title="mean Goldstein score",
                scale=alt.Scale(domain=[-10, 10]),
            ),
        )
    )
    chart = (
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .properties(width=WIDTH, height=300, title=title)
    )
    return _svg(chart)


def _layout(edges: Sequence[Edge]) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² from a force-directed layout (seeded: the same graph is drawn the
    same way each time); actors that act on each other often are drawn close."""
    graph = nx.Graph()
    for e in edges:
        old = graph.get_edge_data(e.source, e.target, {"weight": 0})["weight"]
        graph.add_edge(e.source, e.target, weight=old + e.events)
    if graph.number_of_nodes() == 1:
        return {node: (0.0, 0.0) for node in graph}
    positions = nx.spring_layout(graph, weight=None, seed=7, k=1.6 / graph.number_of_nodes() ** 0.5)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def actor_network(edges: Sequence[Edge]) -> str:
    """Who acts on whom: actors placed by a force layout, an arrow per direction whose width
    is the number of events and whose colour is their mean Goldstein score."""
    weight: dict[str, int] = {}
    for e in edges:
        weight[e.source] = weight.get(e.source, 0) + e.events
        weight[e.target] = weight.get(e.target, 0) + e.events
    nodes = sorted(weight, key=lambda n: (-weight[n], n))
    where = _layout(edges)
    lines, heads = [], []
    for e in edges:
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # shift each direction sideways so that A→B and B→A do not overlap
        nx, ny = -(y2 - y1) / length * 0.025, (x2 - x1) / length * 0.025
        x1, y1, x2, y2 = x1 + nx, y1 + ny, x2 + nx, y2 + ny
        tip = 1 - 0.09 / length
        row = {
            "edge": f"{e.source} → {e.target}",
            "events": e.events,
            "goldstein": e.goldstein,
        }
        lines.append(
            {**row, "x": x1, "y": y1, "x2": x1 + (x2 - x1) * tip, "y2": y1 + (y2 - y1) * tip}
        )
        heads.append(
            {
                **row,
                "x": x1 + (x2 - x1) * tip,
                "y": y1 + (y2 - y1) * tip,
                "angle": (90 - math.degrees(math.atan2(y2 - y1, x2 - x1))) % 360,
            }
        )
    colour = alt.Color(
        "goldstein:Q",
        title="mean Goldstein",
        scale=alt.Scale(domain=[-10, 0, 10], range=["#b2302b", "#bbbbbb", "#1f6f3a"]),
    )
    axis = {"axis": None, "scale": alt.Scale(domain=[-1.15, 1.15])}
    tooltip = ["edge:N", "events:Q", "goldstein:Q"]
    edge_layer = (
        alt.Chart(pd.DataFrame(lines))
        .mark_rule(opacity=0.75)
        .encode(
            x=alt.X("x:Q", **axis),
            y=alt.Y("y:Q", **axis),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("events:Q", title="events", scale=alt.Scale(range=[1, 9])),
            color=colour,
            tooltip=tooltip,
        )
    )
    head_layer = (
        alt.Chart(pd.DataFrame(heads))
        .mark_point(shape="triangle-up", filled=True, size=90, opacity=0.9)
        .encode(
            x=alt.X("x:Q", **axis),
            y=alt.Y("y:Q", **axis),
            angle=alt.Angle("angle:Q", scale=None),
            color=colour,
            tooltip=tooltip,
        )
    )
    node_frame = pd.DataFrame(
        [{"actor": n, "x": where[n][0], "y": where[n][1], "events": weight[n]} for n in nodes]
    )
    node_layer = (
        alt.Chart(node_frame)
        .mark_circle(color="#2b4a6f", opacity=0.9)
        .encode(
            x=alt.X("x:Q", **axis),
            y=alt.Y("y:Q", **axis),
            size=alt.Size("events:Q", legend=None, scale=alt.Scale(range=[120, 900])),
            tooltip=["actor:N", "events:Q"],
        )
    )
    label_layer = (
        alt.Chart(node_frame)
        .mark_text(dy=-18, fontSize=13, fontWeight="bold", color="#111")
        .encode(x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), text="actor:N")
    )
    chart = alt.layer(edge_layer, head_layer, node_layer, label_layer).properties(
        width=640, height=640, title="who acts on whom"
    )
    return _svg(chart.configure_view(stroke=None))
