"""Which of the people sharing a surname "Mr Patel" or "Mrs Patel" names.

From a tester's articles written for Reader (stop 73): a couple or a mother and son run a
shop, and the honorific before the surname is what tells them apart.
"""

from __future__ import annotations

import pytest

from tests.helpers.quotes import headlined, speech_of


@pytest.mark.parametrize(
    ("introduction", "honorific", "speaker"),
    [
        # kin introduced by a given name at the sentence's end: the honorific's sex tells
        # which; the surname the article then gives completes the name
        ("The shop is run by Meena Patel and her husband, Rajesh.", "Mr", "Rajesh Patel"),
        ("The shop is run by Rajesh Patel and his wife, Meena.", "Mrs", "Meena Patel"),
        ("The shop is run by Rajesh Patel and his wife, Meena.", "Mr", "Rajesh Patel"),
        # a couple written with one surname: both of them are Patels
        ("The shop is run by Rajesh and Meena Patel.", "Mr", "Rajesh Patel"),
        ("The shop is run by Rajesh and Meena Patel.", "Mrs", "Meena Patel"),
        # one of two Nguyens is a woman by her name and "her"; the other's sex is unknown
        (
            "Lan Nguyen runs the front of house. Her son, Minh Nguyen, manages the kitchen.",
            "Mr",
            "Minh Nguyen",
        ),
    ],
)
def test_the_honorific_picks_the_one_of_its_sex(
    introduction: str, honorific: str, speaker: str
) -> None:
    surname = speaker.split()[-1]
    text = headlined(
        f"{introduction}\n\n“We open at six every morning,” said {honorific} {surname}."
    )
    assert [s for _, s in speech_of(text)] == [speaker]


def test_a_role_at_a_sentences_end_is_not_read_as_a_persons_given_name() -> None:
    # only kin introduce a given name that ends its sentence: "the owner, Acme." is a firm
    text = headlined(
        "The building was sold last year to its new owner, Harbourview.\n\n"
        "“We will keep the tenants,” said Dana Price, a lawyer for the buyer."
    )
    assert [s for _, s in speech_of(text)] == ["Dana Price"]


def test_the_one_patel_keeps_the_honorific_when_no_kin_is_named() -> None:
    # "Ms. Kaur" of the one Amrit Kaur stays her (the list of names calls Amrit a man)
    text = headlined(
        "Amrit Kaur teaches in Surrey.\n\n“My students ask where I am from,” said Ms. Kaur."
    )
    assert [s for _, s in speech_of(text)] == ["Amrit Kaur"]


def test_kin_named_by_a_given_name_leaves_the_honorific_to_the_one_it_fits() -> None:
    # "his son, Tunde": "his" makes Olumide (a name the list does not know) a man, so "Mr
    # Adeyemi" stays his; it had gone to the son, whom the mend named "Tunde Adeyemi" (an
    # attack on the first mend)
    text = headlined(
        "Olumide Adeyemi runs the bakery with his son, Tunde. It opened in 1990.\n\n"
        "“We will not close,” said Mr Adeyemi."
    )
    assert [s for _, s in speech_of(text)] == ["Olumide Adeyemi"]
    text = headlined(
        "Meena Patel runs the shop with her partner, Tom.\n\n“We will not close,” said Mr Patel."
    )
    assert [s for _, s in speech_of(text)] == ["Tom Patel"]  # "her": Meena is not Mr Patel


def test_a_title_of_two_words_before_a_name_of_a_long_body_is_the_persons() -> None:
    # "said Grand Chief Lorraine Muswagon of the Northern Cree Nations Council": the name
    # read as a body's ("Cree Nations Council"), the first half of the quotation no one's
    text = headlined(
        "“People in our communities are already choosing between heat and food,” said "
        "Grand Chief Lorraine Muswagon of the Northern Cree Nations Council, which "
        "represents 11 First Nations. “A rate increase in January is a matter of life and "
        "death up here.”"
    )
    assert [s for _, s in speech_of(text)] == ["Lorraine Muswagon", "Lorraine Muswagon"]


def test_mme_before_a_surname_is_the_woman_named_before() -> None:
    # copy translated from French calls women "Mme": "Mme Giroux-Beaulieu said" had been a
    # name of its own, or another woman's words
    text = headlined(
        "“A pause is not a cancellation,” the mayor of the borough, Mme Laurence "
        "Giroux-Beaulieu, said on Thursday. Marie-Claude Lévesque-Bissonnette, who leads a "
        "cyclists' group, called the pause a mistake.\n\n"
        "“Non. Absolument pas,” Mme Giroux-Beaulieu answered when asked whether the lane was "
        "dead."
    )
    assert [s for _, s in speech_of(text)] == [
        "Laurence Giroux-Beaulieu",
        "Laurence Giroux-Beaulieu",
    ]


def test_m_before_a_surname_alone_is_monsieur_the_man_named_before() -> None:
    # French copy calls men "M.": "M. Bérubé said" had been a person of its own, "M. Bérubé"
    # (eight quotations of one story in a blind batch); an initial after a given name stays
    text = headlined(
        "Jean Bérubé, the mayor, has led the campaign for two years. His wife, Marie Bérubé, "
        "teaches at the school.\n\n"
        "“We will not let them take our children's school,” M. Bérubé said in an interview.\n\n"
        "John M. Smith, a parent, was less sure. “Maybe it is time,” Smith said."
    )
    assert [s for _, s in speech_of(text)] == ["Jean Bérubé", "John M. Smith"]
