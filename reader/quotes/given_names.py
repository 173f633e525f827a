"""Common given names and the gender they usually mark, for "she said" after "Sarah Gille".

Only names that are overwhelmingly used for one gender in English-language news (from the
most frequent given names of the US, UK, Canada and Australia, and common international
ones). Names used for both ("Jordan", "Alex", "Sam", "Robin") are left out: an unknown
gender is better than a wrong one.
"""

from __future__ import annotations

_FEMALE = """
abigail ada adriana agnes aisha alexandra alexis alice alicia alison allison alyssa amanda amber
amelia amy ana andrea angela angelina anita ann anna anne annie april ashley audrey barbara beatrice
becky bella bernadette beth bethany betty beverly bianca bonnie brenda bridget brittany brooke
caitlin camila carla carmen carol caroline carolyn catherine cathy charlotte chelsea cheryl chloe
christina christine cindy claire clara claudia colette connie courtney crystal cynthia daisy
daniela danielle dawn deborah debra denise diana diane donna doris dorothy eleanor elena elisabeth
eliza elizabeth ella ellen eloise emily emma erica erin esther eva evelyn faith fatima fiona
florence frances gabriela gabrielle gail gemma georgina gillian gina gloria grace gwen hannah
harriet hazel heather heidi helen helena hillary holly ingrid irene iris isabel isabella jacqueline
jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne josephine joy
joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie kayla kelly
kimberly kirsten kristen kristin laura lauren leah leslie lillian linda lisa lois lori louise lucy
lydia lynn madeleine madison magdalena maggie mandy marcia margaret margarita maria marian marie
marilyn marion marjorie martha mary maureen megan melanie melissa mia michelle mildred miriam molly
monica nadia nancy naomi natalie natasha nicole nina nora norma olga olivia pamela patricia paula
pauline peggy penelope phyllis priscilla rachel rebecca regina renee rita roberta rosa rose
rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila shirley sofia sonia sophia
sophie stacy stephanie susan suzanne sylvia tamara tanya teresa theresa tiffany tina tracy ursula
valerie vanessa vera veronica victoria virginia wanda wendy yolanda yvette yvonne zoe
aaliyah ananya anjali deepika fatimah indira leila layla mei ming nadine olena priya sakura
svetlana tatiana yasmin yuki zainab zara hina noor ayesha
"""

_MALE = """
aaron adam adrian ahmed alan albert alberto alexander alfred ali alvin andre andreas andrew andy
angelo anthony antonio arnold arthur barry ben benjamin bernard bill billy bob bobby brad bradley
brandon brendan brent brian bruce bryan carl carlos charles charlie chris christian christopher
clarence claude clifford colin craig curtis dale dan daniel danny darren dave david dean dennis
derek diego dominic don donald douglas doug duncan dustin dylan earl eddie edgar edward edwin eli
elijah elliot emmanuel eric ernest eugene evan felix fernando francis francisco frank franklin fred
frederick gabriel gary gavin gene geoffrey george gerald gordon graham grant greg gregory gustavo
harold harry harvey hector henry herbert howard hugh hugo ian isaac ivan jack jacob jake james
jared jason javier jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon
jonathan jorge jose joseph joshua juan julian justin karl keith kenneth kevin kurt kyle lance larry
lawrence lee leo leon leonard lewis liam louis lucas luis luke malcolm marco marcus mario mark
martin marvin matt matthew maurice max michael miguel mike mitch mitchell mohamed mohammad mohammed
muhammad nathan nathaniel neil nicholas nick nigel noah norman oliver omar oscar owen patrick paul
pedro peter philip phillip rafael ralph randy raul ray raymond ricardo richard rick ricky robert
roberto roger roland ron ronald ross roy russell ryan samuel scott sean sebastian sergio seth shane
shawn simon stanley stephen steve steven stuart ted terry theodore thomas tim timothy todd tom tony
travis trevor troy tyler victor vincent walter warren wayne wesley william willie zachary
abdul ahmad alejandro amir anil arjun boris dmitri giovanni hamid hassan hiroshi hussein ibrahim
igor jamal javed kenji khaled mahmoud mustafa nikolai pablo rahul rajesh ravi sanjay sergei
tariq vladimir wei yusuf yosef moshe avi rishi narendra xi kofi kwame
"""

FEMALE_NAMES: frozenset[str] = frozenset(_FEMALE.split())
MALE_NAMES: frozenset[str] = frozenset(_MALE.split())


def gender_of(given_name: str) -> str:
    """ "f", "m" or "" for a given name ("Sarah" -> "f")."""
    key = given_name.casefold().strip(".")
    if key in FEMALE_NAMES:
        return "f"
    if key in MALE_NAMES:
        return "m"
    return ""
