"""EventView.related: entries of the page's language sharing its topics, most shared, then newest."""

from tests.unit.test_catalog import make

from cercle.hub.view import Hub
from cercle.webinar.related import RELATED_LIMIT
from cercle.webinar.view import EventView

TOPICS = """\
a: {label: A}
b: {label: B}
c: {label: C}
"""


def webinar(day: str, topics: str) -> str:
    return f"---\ntitle: W {day}\ndate: {day}\ntopics: [{topics}]\n---\n"


def related(tmp_path, pages, src):
    hub = Hub(make(tmp_path, {"topics.yml": TOPICS, **pages}))
    return [e.rel_path for e in EventView(hub.view(src)).related]


def test_most_shared_topics_first_then_newest(tmp_path):
    pages = {
        "fr/webinaires/me.md": webinar("2024-01-01", "a, b"),
        "fr/webinaires/both-old.md": webinar("2020-01-01", "a, b"),
        "fr/webinaires/a-new.md": webinar("2023-06-01", "a"),
        "fr/webinaires/b-older.md": webinar("2021-06-01", "b"),
        "fr/webinaires/other.md": webinar("2023-12-01", "c"),
    }
    assert related(tmp_path, pages, "fr/webinaires/me.md") == [
        "fr/webinaires/both-old.md",
        "fr/webinaires/a-new.md",
        "fr/webinaires/b-older.md",
    ]


def test_never_itself_nor_another_language_and_at_most_the_limit(tmp_path):
    pages = {f"fr/webinaires/w{i}.md": webinar(f"2023-01-{i + 1:02d}", "a") for i in range(6)}
    pages["en/webinars/w0.md"] = webinar("2025-01-01", "a")
    found = related(tmp_path, pages, "fr/webinaires/w0.md")
    assert len(found) == RELATED_LIMIT
    assert "fr/webinaires/w0.md" not in found
    assert all(path.startswith("fr/") for path in found)
    assert found[0] == "fr/webinaires/w5.md"  # newest first among equals


def test_no_topic_means_no_related_entries(tmp_path):
    pages = {
        "fr/webinaires/x.md": "---\ntitle: X\ndate: 2022-01-01\n---\n",
        "fr/webinaires/y.md": webinar("2022-02-02", "a"),
    }
    assert related(tmp_path, pages, "fr/webinaires/x.md") == []
