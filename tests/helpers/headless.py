"""What a headless app under test leaves out: renders nobody reads, CSS parsed again.

At each refresh Textual renders the regions that changed, widget by widget, and hands the
result to the driver; a headless driver (Pilot's) throws it away. Those discarded renders
were two fifths of the UI tests' time. Tests read the screen through `screen_text`, a full
render through the same widgets' `render_line` as the terminal's, taken when the test
asks; so here the discarded ones are skipped. Layout, scrolling, timers, messages and
workers run as before, and an app on a real terminal is not touched (it is not headless).

Each app also parses its CSS (Reader's and every widget's) afresh: half of the 0.2 s an app
takes to start, and the suite starts about 400. The rules parsed from the same CSS with the
same variables (the theme's colours) are the same, so they are parsed once per process.
"""

from __future__ import annotations

from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet
from textual.screen import Screen

_draw = getattr(Screen, "_compositor_refresh", None)
_parse = getattr(Stylesheet, "_parse_rules", None)
_PARSED: dict[tuple[object, ...], list[RuleSet]] = {}


def _refresh_without_drawing(screen: Screen[Any]) -> None:
    app = screen.app
    if not (app.is_headless and screen is app.screen and not app.is_inline):
        _draw(screen)
        return
    try:
        screen._compositor._dirty_regions.clear()  # (as a drawn refresh leaves them)
        screen._dirty_widgets.clear()
        app._update_mouse_over(screen)
    except AttributeError:  # (a Textual whose insides differ: drawn, as without this)
        _draw(screen)


def _parse_once(
    stylesheet: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    variables = tuple(sorted(getattr(stylesheet, "_variables", {}).items()))
    key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
    if key not in _PARSED:
        _PARSED[key] = _parse(stylesheet, css, read_from, is_default_rules, tie_breaker, scope)
    return _PARSED[key]


def start_quickly() -> None:
    """Skip the renders a headless app discards, and parse each CSS once (for the suite).
    Both replace private methods of Textual 8: with a Textual that lacks them, nothing is
    replaced and the suite runs as it would without this, only slower."""
    if _draw is not None:
        Screen._compositor_refresh = _refresh_without_drawing  # type: ignore[method-assign]
    if _parse is not None:
        Stylesheet._parse_rules = _parse_once  # type: ignore[method-assign]
