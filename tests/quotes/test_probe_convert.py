"""The probes' labels become gold quotations by matching each, in order, to a quotation."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.convert_probes import convert_article
from bench.fetch_extraction_corpus import Repository, Source
from bench.news_pages import NewsQuoteSet

TEXT = (
    "Council backs the plan\n\n"
    "“We will fix the road this summer,” Mayor Jane Roe said. Critics called it a "
    "“fantasy budget,” and one resident said “it has been broken for years.”\n"
)


def test_labels_match_the_next_quotation_that_begins_with_their_words() -> None:
    gold = convert_article(
        TEXT,
        [
            {"quote_start_words": "We will fix the", "speaker": "Jane Roe"},
            # "fantasy budget" is a scare quote: the probe left it unlabelled (SKIP)
            {"quote_start_words": "it has been broken", "speaker": "none", "debatable": True},
        ],
    )
    assert gold is not None
    assert [(g["quote"], g["speaker"]) for g in gold] == [
        ("We will fix the road this summer,", "Jane Roe"),
        ("it has been broken for years.", None),
    ]
    assert [TEXT[g["start"] : g["end"]] for g in gold] == [g["quote"] for g in gold]
    assert gold[1]["speaker_status"] == "no-source" and gold[1]["debatable"]


def test_an_article_with_a_label_that_matches_nothing_is_left_out() -> None:
    labels = [{"quote_start_words": "Words nobody wrote", "speaker": "Jane Roe"}]
    assert convert_article(TEXT, labels) is None


def test_the_fundus_set_is_rebuilt_from_the_fetched_bodies_and_the_committed_labels(
    tmp_path: Path,
) -> None:
    from bench.convert_fundus_quotes import convert

    fundus = tmp_path / "fundus"
    (fundus / "fundus-test").mkdir(parents=True)
    (fundus / "index.csv").write_text(
        "set,file\nfundus-test,fundus-a\nfundus-test,fundus-b\n", encoding="utf-8"
    )
    body = TEXT.split("\n\n", 1)[1]
    (fundus / "fundus-test" / "fundus-a.txt").write_text(body, encoding="utf-8")
    (fundus / "fundus-test" / "fundus-b.txt").write_text(body, encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps(
            {
                "articles": {
                    "fundus-a": {
                        "headline": "Council backs the plan",
                        "labels": [{"quote_start_words": "We will fix", "speaker": "Jane Roe"}],
                    },
                    "fundus-b": {
                        "headline": "",
                        "labels": [{"quote_start_words": "Nobody said this", "speaker": "X"}],
                    },
                    "fundus-c": {"headline": "", "labels": []},
                }
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    written, left_out = convert(fundus, out, labels)
    assert written == 1
    assert left_out == ["fundus-b (a label matches no quotation)", "fundus-c (not fetched)"]
    assert (out / "fundus-a.txt").read_text(encoding="utf-8") == TEXT
    gold = json.loads((out / "fundus-a.quotes.json").read_text(encoding="utf-8"))
    assert [(g["quote"], g["speaker"]) for g in gold] == [
        ("We will fix the road this summer,", "Jane Roe")
    ]


def test_the_later_pieces_of_a_quotation_over_paragraphs_are_the_first_ones() -> None:
    # A quotation over three paragraphs opens each with a mark and closes at its end (the
    # second piece after a page lost its paragraph break): one quotation, as the finder holds it
    text = (
        "Coach stays\n\n"
        'Ramos said: "He made a great contribution.\n\n'
        '"He is a valuable player. "But I cannot promise he stays."\n\n'
        '"No," said Levy.\n'
    )
    pieces = [
        {"quote_start_words": "He made a great", "speaker": "Juan Ramos"},
        {"quote_start_words": "He is a valuable", "speaker": "Juan Ramos"},
        {"quote_start_words": "But I cannot promise", "speaker": "Juan Ramos"},
        {"quote_start_words": "No", "speaker": "Daniel Levy"},
    ]
    gold = convert_article(text, pieces)
    assert gold is not None
    assert [(g["quote"][:15], g["speaker"]) for g in gold] == [
        ("He made a great", "Juan Ramos"),
        ("No,", "Daniel Levy"),
    ]
    # a piece given to someone else is not a piece of it: nothing is guessed
    pieces[1]["speaker"] = "Daniel Levy"
    assert convert_article(text, pieces) is None


def test_the_l3s_labels_cover_every_chosen_article() -> None:
    from bench.convert_l3s_quotes import ARTICLES, LABELS, LABELS_2, LABELS_3

    first = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    second = json.loads(LABELS_2.read_text(encoding="utf-8"))["articles"]
    third = json.loads(LABELS_3.read_text(encoding="utf-8"))["articles"]
    assert len(first) == len(second) == ARTICLES and len(third) == 30
    assert all(name.startswith("l3s-") for name in [*first, *second, *third])
    assert not set(first) & set(second) and not (set(first) | set(second)) & set(third)


def test_news_pages_are_chosen_by_hash_one_a_site_and_batches_never_overlap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bench.news_pages as news_pages

    story = "Words of the story here. " * 40 + "“One,” she said. “Two,” he said. “Three.”"
    stories = {f"g{i}": story for i in range(12)} | {"short": "“Too,” “short,” “here.”"}
    sites = [f"site{i // 2}" for i in range(12)]  # two pages a site: one of each is chosen
    manifest = tmp_path / "corpus.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["dataset", "file", "site", "gold"])
        for i, site in enumerate(sites):
            writer.writerow(["news", f"news-page{i}", site, f"src:g{i}"])
        writer.writerow(["news", "news-short", "other", "src:short"])
        writer.writerow(["elsewhere", "x-page", "x", "src:g0"])
    monkeypatch.setattr(news_pages, "MANIFEST", manifest)

    class Pages:
        def read(self, path: str) -> bytes:
            return stories[path].encode()

    def headline_and_story(raw: bytes) -> tuple[str, str]:
        return "A headline", raw.decode()

    def batch(number: int) -> list[tuple[str, str]]:
        return news_pages.chosen_pages(
            Pages(),  # type: ignore[arg-type]
            "news",
            "salt",
            headline_and_story,
            per_batch=3,
            batch=number,
        )

    first, second, third = batch(1), batch(2), batch(3)
    assert [len(first), len(second), len(third)] == [3, 3, 0]  # 6 sites, 3 a batch
    names = [name for name, _ in first + second]
    assert "news-short" not in names and len({sites[int(n[9:])] for n in names}) == 6
    assert all(text.startswith("A headline\n\n") for _, text in first)
    assert batch(1) == first  # the same pages every time, in the order of their hashes


def test_labels_of_double_marks_skip_a_subhead_in_single_marks_that_repeats_them() -> None:
    text = (
        "US pledges money to fight AIDS\n\n"
        "'We want to get to the end of AIDS,' top researcher says\n\n"
        "“We want to get to the end of AIDS,” declared Dr. Anthony Fauci.\n"
    )
    labels = [{"quote_start_words": "We want to get to", "speaker": "Anthony Fauci"}]
    body = text.index("“") + 1
    assert [g["start"] for g in convert_article(text, labels, prefer_double=True) or []] == [body]
    # the probes' made-up British articles label single marks: there the first one stands
    assert [g["start"] for g in convert_article(text, labels) or []] == [text.index("'") + 1]


def test_the_dragnet_labels_cover_every_chosen_article() -> None:
    from bench.convert_dragnet_quotes import LABELS

    articles = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 71 and all(name.startswith("dragnet-") for name in articles)
    assert all(isinstance(item["labels"], list) for item in articles.values())


def test_the_chaos_labels_cover_every_chosen_article_of_the_three_batches() -> None:
    from bench.convert_chaos_quotes import LABELS, LABELS_2, LABELS_3

    batches = [
        json.loads(path.read_text(encoding="utf-8"))["articles"]
        for path in (LABELS, LABELS_2, LABELS_3)
    ]
    assert [len(articles) for articles in batches] == [60, 60, 31]  # 151 qualify in all
    for articles in batches:
        assert all(name.startswith("chaos-") for name in articles)
        assert all(isinstance(item["labels"], list) for item in articles.values())
    # one page a site (as the extraction corpus's manifest names them: wired.com is not
    # wired.co.uk): no batch repeats a site of another
    from bench.fetch_extraction_corpus import MANIFEST

    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        site_of = {row["file"]: row["site"] for row in csv.DictReader(handle)}
    sites = [{site_of["utomo-" + name] for name in batch} for batch in batches]
    assert [len(batch) for batch in sites] == [60, 60, 31]
    assert not sites[0] & sites[1] and not (sites[0] | sites[1]) & sites[2]


def test_the_newspaper_labels_cover_every_chosen_page_one_a_site() -> None:
    from bench.convert_newspaper_quotes import LABELS
    from bench.fetch_news_fixtures import SPLIT

    articles = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 41 and all(name.startswith("newspaper-") for name in articles)
    assert all(isinstance(item["labels"], list) for item in articles.values())
    with SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    assert all(rows[name]["set"] == "newspaper-test" for name in articles)
    assert len({rows[name]["site"] for name in articles}) == 41  # one page a site


def test_a_set_whose_texts_are_the_story_alone_has_no_headline_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bench.quotes as quotes

    text = "“We are ready,” said Mayor Jane Roe.\n\nThe council met on Monday.\n"
    gold = [{"start": 1, "end": 14, "speaker": "Jane Roe", "confidence": "high"}]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.quotes.json").write_text(json.dumps(gold), encoding="utf-8")
    assert [f.speaker for f in quotes.read_article(tmp_path / "a.txt").speech] == []
    monkeypatch.setattr(quotes, "STORY_ONLY", frozenset({tmp_path.resolve()}))
    assert [f.speaker for f in quotes.read_article(tmp_path / "a.txt").speech] == ["Jane Roe"]


def _fetched_set(
    manifest: Path,
    read_gold: Callable[[object, str], bytes],
    batches: dict[int, tuple[Path, Path]],
    per_batch: int,
) -> NewsQuoteSet:
    """A set of dataset "a" whose "wanted" rows another script fetched: `read_gold` reads each."""
    return NewsQuoteSet(
        dataset="a",
        source="",
        salt="salt",
        story_of=lambda raw: ("Title", raw.decode()),
        per_batch=per_batch,
        batches=batches,
        prefix="set-",
        manifest=manifest,
        gold_of=lambda row: row["file"],
        read_gold=read_gold,
        keep=lambda row: row["set"] == "wanted",
    )


def test_a_set_whose_pages_another_script_fetched_reads_them_without_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bench.news_pages as news_pages

    story = "Words of the story here. " * 40 + "“One,” she said. “Two,” he said. “Three.”"
    manifest = tmp_path / "split.csv"
    manifest.write_text("set,file,site\nwanted,a-page,site.one\nother,b-page,site.two\n")
    read: list[tuple[object, str]] = []

    def fetched_page(repository: object, name: str) -> bytes:
        read.append((repository, name))
        return story.encode()

    pages = _fetched_set(
        manifest, fetched_page, {1: (tmp_path / "labels.json", tmp_path / "out")}, 5
    )
    monkeypatch.setattr(news_pages, "CACHE", tmp_path / "cache")
    assert pages.main("prog", "", ["--texts", str(tmp_path / "texts")]) == 0
    assert read == [(None, "a-page")]  # no repository was made, nor fetched
    assert (tmp_path / "texts" / "set-page.txt").read_text(encoding="utf-8").startswith("Title\n")


def test_the_fixtures_labels_are_of_chosen_pages_one_a_site() -> None:
    from bench.convert_fixtures_quotes import LABELS
    from bench.fetch_news_fixtures import SPLIT

    articles = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 66 and all(isinstance(a["labels"], list) for a in articles.values())
    with SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    pages = [rows[name.removeprefix("fixtures-")] for name in articles]
    assert all(row["set"] == "openings-test" and row["language"] == "English" for row in pages)
    assert len({row["site"] for row in pages}) == 66  # one page a site


def test_the_omnivore_labels_are_of_chosen_english_pages_one_a_site() -> None:
    from bench.convert_omnivore_quotes import LABELS
    from bench.fetch_omnivore import SPLIT

    articles = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 48 and all(isinstance(a["labels"], list) for a in articles.values())
    with SPLIT.open(encoding="utf-8", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    pages = [rows[name] for name in articles]
    assert all(row["language"] == "English" for row in pages)
    assert len({row["site"] for row in pages}) == 48  # one page a site


def _dataset_repository(work: Path, tmp_path: Path, name: str) -> Repository:
    """`work` committed as a dataset's repository, read through a bare copy as a mirror."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(work), *args], capture_output=True, check=True, text=True
        ).stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data")
    mirror = tmp_path / "mirror"
    bare = mirror / name.replace("/", "+") / "repo"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return Repository(Source(name, git("rev-parse", "HEAD")), mirror, tmp_path)


def test_the_bbc_set_lists_the_dataset_itself_and_never_chooses_a_holdout_article(
    tmp_path: Path,
) -> None:

    from bench import convert_bbc_quotes

    work = tmp_path / "work"
    story = "The story goes on here. " * 40 + "“One,” she said. “Two,” he said. “Three.”"
    holdout = "gm-issues-2005-profits-warning"  # one of the holdout's BBC articles
    for folder, stem in [("business", holdout), ("business", "new-one"), ("sport", "other")]:
        (work / "news" / folder).mkdir(parents=True, exist_ok=True)
        text = f"Headline of {stem}\r\n\r\n{story}\r\n\r\nLast paragraph.\r\n"
        (work / "news" / folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (work / "news" / "readme.md").write_text("not an article\n", encoding="utf-8")

    repository = _dataset_repository(work, tmp_path, "o/bbc")
    assert (convert_bbc_quotes.HOLDOUT / f"bbc-{holdout}.txt").exists()
    rows = convert_bbc_quotes.bbc_rows(repository)
    assert sorted(row["file"] for row in rows) == ["bbc-business-new-one", "bbc-sport-other"]
    pages = dict(convert_bbc_quotes.BBC_QUOTES.chosen(repository))
    assert sorted(pages) == ["bbc-business-new-one", "bbc-sport-other"]
    text = pages["bbc-sport-other"]
    assert text.startswith("Headline of other\n\nThe story goes on")
    assert text.endswith("“Three.”\n\nLast paragraph.\n") and "\r" not in text


def test_the_bbc_labels_are_of_sixteen_batches_none_of_the_holdout() -> None:
    from bench import convert_bbc_quotes as bbc

    batches = [
        json.loads(path.read_text(encoding="utf-8"))["articles"] for path, _ in bbc.BATCHES.values()
    ]
    articles = {name: article for batch in batches for name, article in batch.items()}
    assert [len(batch) for batch in batches] == [80] * 15 + [71]  # (the last: all that qualify)
    assert len(articles) == 1271  # no article in two batches
    holdout = {f"bbc-{stem}" for stem in bbc._read_before()}
    for name, article in articles.items():
        assert name.startswith("bbc-") and isinstance(article["labels"], list)
        category, _, stem = name.removeprefix("bbc-").partition("-")
        assert category in {"business", "entertainment", "politics", "sport", "tech"}
        assert f"bbc-{stem}" not in holdout


def test_the_abp_set_takes_one_news_article_an_outlet_title_first(tmp_path: Path) -> None:

    from bench import convert_abp_quotes as abp

    work = tmp_path / "work"
    (work / "data" / "jsons").mkdir(parents=True)
    story = "The story goes on here. " * 40
    body = f"{story}\n\n“One,” she said.\n \n“Two,” he\nsaid. “Three.”\n\nLast paragraph."
    articles = {
        "a1": ("Reuters", body),
        "a2": ("Reuters", body),  # a second of one outlet: never both chosen
        "a3": ("Guest Writer - Left", body),  # opinion: left out
        "a4": ("NPR Online News", "Too short. “One,” “Two,” “Three.”"),
        "a5": ("Fox News", story * 10 + "“One,” “Two,” “Three.”"),  # over 1,200 words
        "a6": ("NPR Online News", body),
        "a7": ("Vox", story),  # no quotation marks: not chosen
    }
    for key, (outlet, content) in articles.items():
        record = {"ID": f"{key}xxxxxxxx", "source": outlet, "title": f" Title  of\n{key} "}
        record["content_original"] = content
        (work / "data" / "jsons" / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")

    repository = _dataset_repository(work, tmp_path, "o/abp")
    rows = abp.abp_rows(repository)
    assert sorted(row["file"] for row in rows) == [
        "abp-npr-online-news-a6xxxxxx",
        "abp-reuters-a1xxxxxx",
        "abp-reuters-a2xxxxxx",
        "abp-vox-a7xxxxxx",
    ]
    pages = dict(abp.ABP_QUOTES.chosen(repository))
    assert len(pages) == 2 and "abp-npr-online-news-a6xxxxxx" in pages
    assert len([name for name in pages if "reuters" in name]) == 1
    text = pages["abp-npr-online-news-a6xxxxxx"]
    assert text.startswith("Title of a6\n\nThe story goes on")
    assert text.endswith("“One,” she said.\n\n“Two,” he said. “Three.”\n\nLast paragraph.\n")


def test_the_canews_set_takes_articles_of_many_bylines_title_first(tmp_path: Path) -> None:
    import csv

    from bench import convert_canews_quotes as canews

    work = tmp_path / "work"
    story = "The story goes on here. " * 40
    body = f"{story}\n\n“One,” she said.\n\n“Two,” he\nsaid. “Three.”\n\nLast paragraph."
    slug = "https://www.ctvnews.ca/canada/a-story-of-five-words-{}-1.4852102"
    rows = [
        ("ctvnews", slug.format("a"), "['Ana Ruiz']", body),
        ("ctvnews", slug.format("b"), "['Ana Ruiz']", body),  # the same byline: one of the two
        ("ctvnews", slug.format("a"), "['Tom Ardoch']", body),  # an address seen: left out
        ("ctvnews", "https://www.ctvnews.ca/health/coronavirus", "[]", body),  # a section
        ("ctvnews", slug.format("c"), "[]", story),  # no quotation marks: not chosen
        ("ctvnews", slug.format("d"), "[]", story * 10 + "“One,” “Two,” “Three.”"),  # too long
        ("ctvnews", slug.format("e"), "[]", body),  # no byline: a site of its own
        ("ctvnews", slug.format("f"), "[]", body),
        ("the words “including”", slug.format("g"), "[]", body),  # a row its quoting broke
    ]
    work.mkdir()
    for path in canews.FILES:
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        with (work / path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["", "outlet", "url", "title", "authors", "publish_date", "text"])
            if path == "ctv.csv":
                for number, (outlet, url, authors, text) in enumerate(rows):
                    writer.writerow(
                        [number, outlet, url, f" Title  of\n{number} ", authors, "", text]
                    )

    repository = _dataset_repository(work, tmp_path, "o/canews")
    listed = canews.canews_rows(repository)
    assert len(listed) == 5  # a, b, c, e, f: one row an address, articles only, not too long
    pages = dict(canews.CANEWS_QUOTES.chosen(repository))
    assert len(pages) == 3  # one of a and b, then e and f
    assert all(name.startswith("canews-ctvnews-") for name in pages)
    text = next(iter(pages.values()))
    assert text.startswith("Title of ") and "\n\nThe story goes on" in text
    assert text.endswith("“One,” she said.\n\n“Two,” he said. “Three.”\n\nLast paragraph.\n")


def test_the_basil_set_takes_one_article_an_event_title_first(tmp_path: Path) -> None:
    from bench import convert_basil_quotes as basil

    work = tmp_path / "work"
    sentences = ["The story goes on here."] * 40
    quoted = [["“One,” she said."], ["“Two,” he said.", "“Three.”"], ["Last paragraph."]]
    articles = {
        "2012/ev1_1": [sentences, *quoted],
        "2012/ev1_2": [sentences, *quoted],  # the same event, another outlet: one of the two
        "2015/ev2_3": [sentences, *quoted],
        "2015/ev3_1": [sentences],  # no quotation marks: not chosen
        "2016/ev4_2": [["Too short."], *quoted],
    }
    for key, paragraphs in articles.items():
        path = work / "articles" / f"{key}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"title": f" Title  of\n{key} ", "body-paragraphs": paragraphs}
        path.write_text(json.dumps(record), encoding="utf-8")
    (work / "annotations").mkdir()
    (work / "annotations" / "ev1_1.json").write_text("{}", encoding="utf-8")  # never read

    repository = _dataset_repository(work, tmp_path, "o/basil")
    assert len(basil.basil_rows(repository)) == 5
    pages = dict(basil.BASIL_QUOTES.chosen(repository))
    assert len(pages) == 2
    assert "basil-2015-ev2_3" in pages
    assert len([name for name in pages if "ev1" in name]) == 1
    text = pages["basil-2015-ev2_3"]
    assert text.startswith("Title of 2015/ev2_3\n\nThe story goes on here. The story")
    assert text.endswith("“One,” she said.\n\n“Two,” he said. “Three.”\n\nLast paragraph.\n")


def test_the_reuters_set_takes_one_story_a_writer_story_alone(tmp_path: Path) -> None:
    from bench import convert_reuters_quotes as reuters
    from bench.quotes import STORY_ONLY

    work = tmp_path / "work"
    story = "The story goes on here. " * 40
    body = f"{story}\r\n“One,” she said.\r\n  “Two,”  he said. “Three.”\r\nLast paragraph.\r\n"
    stories = {
        "C50train/AnnWriter/101newsML.txt": body,
        "C50test/AnnWriter/102newsML.txt": body,  # the same writer: one of the two
        "C50test/BobWriter/201newsML.txt": body,
        "C50test/CyWriter/301newsML.txt": story,  # no quotation marks: not chosen
        "reuters_raw.csv": body,  # not a story of the dataset
    }
    for key, text in stories.items():
        path = work / "data" / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    repository = _dataset_repository(work, tmp_path, "o/reuters")
    assert len(reuters.reuters_rows(repository)) == 4
    pages = dict(reuters.REUTERS_QUOTES.chosen(repository))
    assert len(pages) == 2 and "reuters-bobwriter-201" in pages
    text = pages["reuters-bobwriter-201"]
    assert text.startswith("The story goes on here.")  # no headline
    assert text.endswith("“One,” she said.\n\n“Two,” he said. “Three.”\n\nLast paragraph.\n")
    assert all(folder.resolve() in STORY_ONLY for _, folder in reuters.BATCHES.values())


def test_the_webis_set_takes_cnn_and_abc_one_article_an_author(tmp_path: Path) -> None:
    from bench import convert_webis_quotes as webis

    work = tmp_path / "work"
    folder = work / "DataSet" / "BuzzFeed_Corpus_2016"
    (folder / "articles").mkdir(parents=True)
    story = "The story goes on here. " * 40
    pieces = [story.strip(), "“One,” she said.", "“Two,” he said. “Three.”", "Last paragraph."]
    text = " ".join(pieces)
    starts = [text.index(piece) for piece in pieces]
    offsets = [(start, start + len(piece)) for start, piece in zip(starts, pieces, strict=True)]
    paragraphs = "".join(
        f"<paragraph><start>{start}</start><end>{end}</end></paragraph>" for start, end in offsets
    )
    rows = [("0000.xml", "cnn", "Ann Lee"), ("0001.xml", "cnn", "Ann Lee")]
    rows += [("0002.xml", "abc", "Bo Day"), ("0003.xml", "politico", "Cy Roe")]
    for file, portal, author in rows:
        xml = (
            f"<article><author>{author}</author><mainText>{text}</mainText>{paragraphs}"
            f"<portal>{portal}</portal><quote><start>0</start><end>5</end></quote>"
            f"<title> A title  of {file} </title></article>"
        )
        (folder / "articles" / file).write_text(xml, encoding="utf-8")
    overview = "XML,portal,orientation,veracity,url\n" + "".join(
        f"{file},{portal},mainstream,mostly true,http://x/{file}\n" for file, portal, _ in rows
    )
    (folder / "overview.csv").write_text(overview, encoding="utf-8")

    repository = _dataset_repository(work, tmp_path, "o/webis")
    assert len(webis.webis_rows(repository)) == 3  # Politico left out
    pages = dict(webis.WEBIS_QUOTES.chosen(repository))
    assert len(pages) == 2 and "webis-abc-0002" in pages  # one of Ann Lee's two
    expected = (
        f"A title of 0002.xml\n\n{story.strip()}\n\n“One,” she said.\n\n"
        "“Two,” he said. “Three.”\n\nLast paragraph.\n"
    )
    assert pages["webis-abc-0002"] == expected
    # A file counting from a character its text does not hold (an empty first paragraph,
    # every offset one too far): its paragraphs still whole
    shifted = "<paragraph><start>0</start><end>0</end></paragraph>" + "".join(
        f"<paragraph><start>{start + 1}</start><end>{end + 1}</end></paragraph>"
        for start, end in offsets
    )
    xml = (
        f"<article><mainText>{text}</mainText>{shifted}<title>A title of 0002.xml</title></article>"
    )
    assert "\n\n".join(webis.title_and_story(xml.encode())) + "\n" == expected


def test_an_article_that_copies_an_earlier_one_is_never_labelled_nor_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The Canadian set held one wire story under up to eleven addresses: a later batch's copy
    # scored again what an earlier batch (or a studied one's mends) had scored
    import bench.news_pages as news_pages

    story = " ".join(f"Word{n} of the story here." for n in range(60))
    stories = {
        "a-one": story + " “One,” she said. “Two,” he said. “Three,” they said.",
        "a-two": "Updated. " + story + " “One,” she said. “Two,” he said. “Three,” they said.",
        "a-three": story.replace("Word", "Other") + " “One,” she said. “Two,” he said. “Six.”",
    }
    manifest = tmp_path / "split.csv"
    manifest.write_text(
        "set,file,site\n" + "".join(f"wanted,{name},site.{name}\n" for name in stories)
    )
    batches = {n: (tmp_path / f"labels{n}.json", tmp_path / f"out{n}") for n in (1, 2, 3)}
    pages = _fetched_set(manifest, lambda _, name: stories[name].encode(), batches, 1)
    monkeypatch.setattr(news_pages, "CACHE", tmp_path / "cache")
    chosen = {n: pages.chosen(None, n)[0][0] for n in (1, 2, 3)}
    copy_batch = next(n for n in (2, 3) if chosen[n] != "set-three" and n != 1)
    assert {chosen[1], chosen[copy_batch]} == {"set-one", "set-two"}
    labels = [{"quote_start_words": w, "speaker": "none"} for w in ("One", "Two", "Three")]
    for n, (path, out) in batches.items():
        words = (
            labels
            if chosen[n] != "set-three"
            else [*labels[:2], *[{**labels[0], "quote_start_words": "Six"}]]
        )
        path.write_text(json.dumps({"articles": {chosen[n]: {"labels": words}}}))
        out.mkdir()
        (out / f"{chosen[n]}.txt").write_text("written before the rule")
    assert pages.main("prog", "", []) == 0
    assert f"{chosen[copy_batch]} (a copy of {chosen[1]})" in capsys.readouterr().out
    assert not list(batches[copy_batch][1].iterdir())  # the copy's stale file gone too
    assert [p.name for p in batches[1][1].glob("*.txt")] == [f"{chosen[1]}.txt"]
    other = 5 - copy_batch
    assert [p.name for p in batches[other][1].glob("*.txt")] == ["set-three.txt"]
    texts = tmp_path / "texts"
    assert pages.main("prog", "", ["--texts", str(texts), "--batch", str(copy_batch)]) == 0
    assert not texts.exists() or not list(texts.iterdir())  # nothing handed out to label
