"""Long lists go on over numbered pages (cercle.hub.paging, pages, view): none grows with the archive."""

from pathlib import Path

from tests.unit.test_catalog import make

from cercle.hub.pages import Kind
from cercle.hub.paging import Paging, on_page, page_count
from cercle.hub.view import Hub
from cercle.preview.affected import affected_pages
from cercle.share.now import to_share as to_share_now


def webinar(n: int, date: str, topics: str = "[volontariat]") -> str:
    return f"---\ntitle: W{n}\ndate: {date}\ntopics: {topics}\nspeakers: [stephanie-ledoux]\n---\nBody.\n"


def files(count: int) -> dict[str, str]:
    # One upcoming webinar (the catalog's today is 2026-11-22), the others past, over two years.
    found = {"fr/webinaires/w0.md": webinar(0, "2026-12-10")}
    for n in range(1, count):
        found[f"fr/webinaires/w{n}.md"] = webinar(n, f"{2025 - n % 2}-0{1 + n % 9}-1{n % 10}")
    found["en/webinars/e.md"] = "---\ntitle: E\ndate: 2024-03-01\n---\nBody.\n"
    return found


def hub(tmp_path: Path, count: int = 7, size: int = 3, extra: dict[str, str] | None = None) -> Hub:
    return Hub(make(tmp_path, {**files(count), **(extra or {})}, listing_page_size=size))


def pages_of(hub: Hub, kind: Kind, lang: str = "fr", subject: str | None = None):
    return [p for p in hub.pages if p.kind is kind and p.lang == lang and p.subject == subject]


def listing(hub: Hub, lang: str = "fr"):
    return [p for p in pages_of(hub, Kind.LISTING, lang) if p.entry_type and p.entry_type.value == "webinar"]


def shown(hub: Hub, page) -> list[str]:
    view = hub.view(page.src_uri)
    archive = view.archive()
    return [e.title for e in archive.upcoming] + [e.title for _, group in archive.past_by_year for e in group]


def test_counting_and_slicing():
    assert page_count(0, 24) == 1 and page_count(24, 24) == 1 and page_count(25, 24) == 2
    assert on_page(list(range(7)), 3, 3) == [6] and on_page(list(range(7)), 4, 3) == []


def test_a_long_listing_is_cut_into_pages_in_archive_order(tmp_path):
    h = hub(tmp_path)
    pages = listing(h)
    assert [p.url for p in pages] == ["fr/webinaires/", "fr/webinaires/page/2/", "fr/webinaires/page/3/"]
    assert [(p.number, p.of) for p in pages] == [(1, 3), (2, 3), (3, 3)]
    seen = [shown(h, p) for p in pages]
    assert [len(s) for s in seen] == [3, 3, 1]
    everything = [t for s in seen for t in s]
    assert sorted(everything) == sorted(f"W{n}" for n in range(7))  # each once
    assert everything[0] == "W0"  # the upcoming one opens the first page
    first = h.view(pages[0].src_uri).archive()
    assert [e.title for e in first.upcoming] == ["W0"]
    assert not h.view(pages[1].src_uri).archive().upcoming


def test_later_pages_share_the_list_key_but_not_its_address_or_menu_place(tmp_path):
    h = hub(tmp_path)
    first, second, _ = listing(h)
    assert second.key == first.key and second.first_url == first.url
    assert second.title == "Webinaires (page 2 sur 3)" and first.title == "Webinaires"
    assert h.url(first.key, "fr") == first.url  # links to the list go to its first page
    assert second not in h.nav_pages("fr") and first in h.nav_pages("fr")
    view = h.view(second.src_uri)
    assert view.translation_urls == {"fr": second.url, "en": "en/webinars/"}  # the switcher: the list
    assert view.hreflang == []  # page 2 in French is no page of the English list
    assert h.view(first.src_uri).hreflang  # the first page keeps its alternates


def test_the_pagination_links(tmp_path):
    paging = hub(tmp_path, count=25, size=2).view("fr/webinaires/page/7/index.md").paging
    assert paging is not None and (paging.number, paging.count) == (7, 13)
    assert paging.previous == "fr/webinaires/page/6/" and paging.next == "fr/webinaires/page/8/"
    numbers = [link.number for link in paging.links()]
    assert numbers == [1, None, 5, 6, 7, 8, 9, None, 13]
    assert [link.current for link in paging.links()].count(True) == 1
    first = Paging(1, 2, "fr/x/", "fr")
    assert first.previous is None and first.links()[0].url == "fr/x/"
    assert hub(tmp_path / "short", count=3, size=3).view("fr/webinaires/index.md").paging is None


def test_topics_speakers_and_to_share_go_on_over_pages_too(tmp_path):
    sharing = {
        f"fr/guides/g{n}.md": f"---\ntitle: G{n}\nshare:\n  text: T{n}.\n  from: 2026-11-0{n + 1}\n---\nB.\n"
        for n in range(4)
    }
    speakers = "stephanie-ledoux:\n  name: Zoé\n" + "".join(f"s{n}:\n  name: S{n:02d}\n" for n in range(12))
    h = hub(tmp_path, extra={**sharing, "speakers.yml": speakers}, size=3)
    assert len(pages_of(h, Kind.TOPIC, subject="volontariat")) == 3
    speaker_pages = pages_of(h, Kind.SPEAKER, subject="stephanie-ledoux")
    assert len(speaker_pages) == 3 and len(h.view(speaker_pages[2].src_uri).subject_entries()) == 1
    to_share = pages_of(h, Kind.TO_SHARE)
    # Four in their window today; a share block weighs about four cards, so "to share" shows a
    # quarter of the page size: one a page here.
    assert len(to_share) == 4
    now = to_share_now(h.catalog.in_language("fr"), h.today)  # what the share plugin lists
    assert [e.title for e in h.view(to_share[3].src_uri).on_this_page(now)] == [now[-1].title]
    wider = hub(tmp_path / "wider", extra=sharing, size=7)  # a quarter of 7, rounded up: 2 a page
    wide_now = to_share_now(wider.catalog.in_language("fr"), wider.today)
    shown = [wider.view(p.src_uri).on_this_page(wide_now) for p in pages_of(wider, Kind.TO_SHARE)]
    assert [[e.title for e in page] for page in shown] == [
        [e.title for e in wide_now[:2]],
        [e.title for e in wide_now[2:]],
    ]
    # The speakers index holds four times as many a page (a line each): 13 speakers, 12 a page,
    # by name.
    index = pages_of(h, Kind.SPEAKERS)
    assert len(index) == 2
    assert [sp.name for _, sp, _ in h.view(index[1].src_uri).speakers()] == ["Zoé"]


def test_a_date_edit_renders_every_page_of_the_lists_it_moves_in(tmp_path):
    before = hub(tmp_path / "b")
    after = hub(tmp_path / "a", extra={"fr/webinaires/w3.md": webinar(3, "2019-01-01")})
    pages = affected_pages(before, after, {"fr/webinaires/w3.md"})
    assert pages is not None
    assert {p.src_uri for p in listing(after)} <= pages
    assert {p.src_uri for p in pages_of(after, Kind.TOPIC, subject="volontariat")} <= pages


def test_an_entry_that_adds_a_page_rebuilds_everything(tmp_path):
    before = hub(tmp_path / "b", count=6)
    after = hub(tmp_path / "a", count=7)
    assert affected_pages(before, after, {"fr/webinaires/w6.md"}) is None
