"""deploy/monitoring read for tests: the dashboard's queries and the metric names that
the dashboard, the alerts and bot/core/metrics.py use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prometheus_client.metrics import MetricWrapperBase

from bot.core import metrics

MONITORING = Path(__file__).resolve().parents[1] / "deploy" / "monitoring"
DASHBOARD = MONITORING / "grafana-dashboard.json"
RULES = MONITORING / "prometheus-rules.yml"
RULES_TEST = MONITORING / "prometheus-rules.test.yml"
SCRAPE_CONFIG = MONITORING / "prometheus.yml"

# The names of the series a metric type is exported as (the text exposition format).
SUFFIXES = {
    "counter": ("_total",),
    "gauge": ("",),
    "histogram": ("_bucket", "_count", "_sum"),
    "info": ("_info",),
}
METRIC_NAME = re.compile(r"\bbackpath_[a-z_]+\b")


@dataclass(frozen=True, slots=True)
class Query:
    panel: str
    expr: str


def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return loaded


def queries() -> list[Query]:
    """Every query of every panel, as Grafana holds it (with $__rate_interval and the like)."""
    return [
        Query(panel["title"], target["expr"])
        for panel in dashboard()["panels"]
        for target in panel.get("targets", ())
    ]


def as_prometheus_runs(expr: str, window: str) -> str:
    """A dashboard query with Grafana's range variables replaced by `window`."""
    return expr.replace("$__rate_interval", window).replace("$__range", window)


def exported() -> set[str]:
    """The series names bot/core/metrics.py exports."""
    return {
        family.name + suffix
        for collector in vars(metrics).values()
        if isinstance(collector, MetricWrapperBase)
        for family in collector.describe()
        for suffix in SUFFIXES[family.type]
    }


def names_in(text: str) -> set[str]:
    return set(METRIC_NAME.findall(text))


def alert_names() -> list[str]:
    return re.findall(r"^\s*- alert: (\w+)$", RULES.read_text(encoding="utf-8"), re.MULTILINE)
