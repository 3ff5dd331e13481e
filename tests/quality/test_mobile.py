"""Mobile: no page type scrolls sideways on a phone (375×667, and the narrowest 320 wide), nor on a
1280-wide desktop screen."""

from __future__ import annotations

import json

import pytest
from tests.quality.conftest import PAGE_TYPES
from tests.quality.gates import fence, horizontal_overflow

PHONES = {
    "375x667": {"width": 375, "height": 667},
    "320x568": {"width": 320, "height": 568},
    "1280x800": {"width": 1280, "height": 800},
}


@pytest.fixture
def phone(browser, request):
    viewport = PHONES[request.param]
    small = viewport["width"] < 800
    context = browser.new_context(
        viewport=viewport,
        locale="de-DE",
        is_mobile=small,
        has_touch=small,
        device_scale_factor=2 if small else 1,
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("phone", list(PHONES), indirect=True)
def test_no_page_type_scrolls_sideways(phone, served_demo):
    fence(phone, served_demo.base)
    overflowing = {}
    for kind, path in PAGE_TYPES.items():
        response = phone.goto(served_demo.url(path))
        assert response is not None
        assert phone.url == served_demo.url(path)  # de-DE: the chooser stays put
        found = horizontal_overflow(phone)
        if found:
            overflowing[kind] = found
    assert overflowing == {}, json.dumps(overflowing, indent=1)


@pytest.mark.parametrize("phone", ["320x568"], indirect=True)
def test_gate_catches_a_page_wider_than_the_phone(phone, serve_dir, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">'
        '<title>wide</title><table><tr><td style="min-width:30rem">wide</td></tr></table>',
        encoding="utf-8",
    )
    phone.goto(serve_dir(tmp_path) + "/")
    found = horizontal_overflow(phone)
    assert found["scrollWidth"] > found["clientWidth"] == 320
    assert "table" in found["wide"]
