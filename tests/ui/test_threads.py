"""A worker thread's answer reaches a widget still in the app, and is dropped for one that is
gone (the crash CI met: the quotations of an article arrived after a damaged database had
ended the session)."""

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import Static

from reader.ui.threads import answer_from_thread


class OneWidget(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("waiting", id="shown")


async def test_an_answer_reaches_a_widget_still_shown() -> None:
    app = OneWidget()
    async with app.run_test():
        shown = app.query_one("#shown", Static)
        await asyncio.to_thread(answer_from_thread, shown, shown.update, "answered")
        assert str(shown.render()) == "answered"


async def test_an_answer_for_a_widget_gone_is_dropped() -> None:
    app = OneWidget()
    answers: list[str] = []
    async with app.run_test():
        shown = app.query_one("#shown", Static)
        await shown.remove()
        await asyncio.to_thread(answer_from_thread, shown, answers.append, "late")
    assert answers == []


async def test_an_answer_after_the_app_began_to_exit_is_dropped() -> None:
    app = OneWidget()
    answers: list[str] = []
    async with app.run_test():
        shown = app.query_one("#shown", Static)
        app.exit(return_code=1)
        await asyncio.to_thread(answer_from_thread, shown, answers.append, "late")
    assert answers == []
    assert app.return_code == 1
