"""Cleaning web pages to the story: the gold-set figures and the cleaning rules."""

from __future__ import annotations

import pytest

from bench.extraction import EXTRACTORS, SETS, Score, score_set
from reader.library.extraction import ExtractionError, clean_page, is_promotion

TARGET_F1 = 0.97
FLOOR_F1 = 0.95  # each set on its own, a little under the target


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Score]]:
    return {
        set_name: {name: score_set(folder, extract) for name, extract in EXTRACTORS.items()}
        for set_name, folder in SETS.items()
    }


@pytest.mark.parametrize("set_name", list(SETS))
def test_each_set_is_clean_and_no_worse_than_trafilatura(
    scores: dict[str, dict[str, Score]], set_name: str
) -> None:
    reader, reference = scores[set_name]["reader"], scores[set_name]["trafilatura"]
    assert len(reader.pages) >= 20
    assert reader.f1 >= FLOOR_F1, reader.figures()
    assert reader.f1 >= reference.f1, (reader.figures(), reference.figures())


def test_all_pages_together_meet_the_target(scores: dict[str, dict[str, Score]]) -> None:
    every = Score([page for by_name in scores.values() for page in by_name["reader"].pages])
    assert len(every.pages) >= 80
    assert every.f1 >= TARGET_F1, every.figures()


@pytest.mark.parametrize(
    "block",
    [
        "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing",
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "DON'T MISS",
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
        "Reporting by Rodrigo Campos; Editing by Nick Zieminski",
        "Associated Press writers Alan Fram and Zeke Miller contributed to this report.",
        "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS' AFTER TEN WEEKS",
        "Listen: http://po.st/TP_615 Download: http://po.st/TP_615Download",
        "Sign up for our morning newsletter here",
    ],
)
def test_promotions_are_dropped(block: str) -> None:
    assert is_promotion(block)


@pytest.mark.parametrize(
    "block",
    [
        "More than 50 people were hurt, police said.",
        '"Read more books," she told the students, "and you will understand."',
        "ARGENTINA CRUISES",  # a short subheading in capitals is the story's own
        "CHINA has sent troops to Hong Kong in a bid to restore order.",
        "Latest figures show the economy grew by 0.3% in the third quarter.",
        "He said he would follow the story on Twitter for years to come, and then some more.",
    ],
)
def test_story_blocks_are_kept(block: str) -> None:
    assert not is_promotion(block)


def test_a_quoted_tweet_is_kept_as_a_block_quote() -> None:
    page = (
        "<html><head><title>Club news</title></head><body><article>"
        + "<p>The club confirmed the news on Wednesday morning after weeks of talks.</p>" * 3
        + '<div class="embed social-tweet"><blockquote class="twitter-tweet">'
        '<p lang="en">Club statement</p>— Tottenham Hotspur (@SpursOfficial) '
        '<a href="https://twitter.com/x">November 20, 2019</a></blockquote></div>'
        + "<p>His first match in charge will be away to West Ham on Saturday evening.</p>"
        + "</article></body></html>"
    )
    article = clean_page(page)
    quotes = [block.text for block in article.blocks if block.kind == "quote"]
    assert quotes == ["Club statement", "— Tottenham Hotspur (@SpursOfficial) November 20, 2019"]


def test_a_page_without_a_story_is_refused() -> None:
    with pytest.raises(ExtractionError, match="no article found"):
        clean_page(
            "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
        )
