"""deploy/monitoring: the dashboard and the alerts use the metrics the bot exports, each
of them, and the README names every alert."""

from __future__ import annotations

from pathlib import Path

from testing.monitoring import (
    RULES,
    alert_names,
    dashboard,
    exported,
    names_in,
    queries,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_panel_queries_the_chosen_prometheus() -> None:
    board = dashboard()
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["DS_PROMETHEUS"]["type"] == "datasource"
    assert board["schemaVersion"] >= 39
    panels = board["panels"]
    assert len({p["id"] for p in panels}) == len(panels)
    for panel in panels:
        assert panel["datasource"] == {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}
        assert panel["targets"], panel["title"]
        refs = [t["refId"] for t in panel["targets"]]
        assert len(set(refs)) == len(refs), panel["title"]
        assert all(t["datasource"] == panel["datasource"] for t in panel["targets"])


def test_the_dashboard_has_the_panels_an_operator_looks_for() -> None:
    titles = {q.panel for q in queries()}
    for wanted in ("Updates per second, by type", "Handler latency", "Errors by kind",
                   "Assessments started and finished, by referral",
                   "Where users stop: questions shown and answered"):  # fmt: skip
        assert wanted in titles
    latency = [q.expr for q in queries() if q.panel == "Handler latency"]
    assert [e.split(",")[0] for e in latency] == [
        "histogram_quantile(0.5",
        "histogram_quantile(0.9",
        "histogram_quantile(0.99",
    ]


def test_the_dashboard_and_alerts_use_only_exported_metrics_and_every_one_of_them() -> None:
    in_dashboard = set().union(*(names_in(q.expr) for q in queries()))
    in_alerts = names_in(RULES.read_text(encoding="utf-8"))
    assert in_dashboard <= exported()
    assert in_alerts <= exported()
    # Each metric the bot exports is on the dashboard or in an alert (a histogram by its
    # buckets).
    unused = {n for n in exported() if not n.endswith(("_count", "_sum"))} - in_dashboard
    assert unused - in_alerts == set()


def test_the_readme_names_every_alert() -> None:
    readme = README.read_text(encoding="utf-8")
    assert len(alert_names()) == 5
    for name in alert_names():
        assert f"`{name}`" in readme, name
