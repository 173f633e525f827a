"""The W3C Web Annotation test suite's JSON schemas, as a validator for exported documents.

The schemas are the W3C's own (tests/data/schemas/w3c-annotation, from
https://github.com/w3c/web-annotation-tests at adedd9a, W3C test suite licence): each
"assertion" is a JSON schema with the result it expects; the `*Musts.test` lists name the
assertions a conforming annotation, collection or page MUST pass. The body, target and
specific-resource lists live in the Web Platform Tests copy of the suite
(annotation-model/bodiesTargets/bodyMusts.test, targetMusts.test,
specificResource/specificResourceMusts.test) and are repeated here.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tests.helpers.paths import DATA

ROOT = DATA / "schemas" / "w3c-annotation"

BODY_MUSTS = [
    "annotations/3.2-bodyObjectsRecognized.json",
    "bodiesTargets/3.2.1-bodyTextDirectionValidated.json",
    "bodiesTargets/3.3.1-bodyCreatedValidated.json",
    "bodiesTargets/3.3.1-bodyModifiedValidated.json",
    "bodiesTargets/3.3.6-bodyRightsValidated.json",
    "bodiesTargets/3.3.7-bodyCanonicalValidated.json",
    "bodiesTargets/3.3.7-bodyViaValidated.json",
    "bodiesTargets/3.2.7-bodyEWRNoItems.json",
    "bodiesTargets/3.3.5-bodyEWRNoPurpose.json",
    "bodiesTargets/3.2.4-bodyChoiceSetNoValue.json",
    "bodiesTargets/4-bodyChoiceSetNoSource.json",
    "bodiesTargets/3.3.5-bodyChoiceSetNoPurpose.json",
    "bodiesTargets/3.2.7-bodyEmbeddedTextualNoItems.json",
    "bodiesTargets/4-bodyEmbeddedTextualNoSource.json",
    "bodiesTargets/3.2.7-bodySpecificResourceNoItems.json",
    "bodiesTargets/4-bodySpecificResourceNoValue.json",
]
TARGET_MUSTS = [
    "annotations/3.2-targetObjectsRecognized.json",
    "bodiesTargets/3.2.1-targTextDirectionValidated.json",
    "bodiesTargets/3.3.1-targCreatedValidated.json",
    "bodiesTargets/3.3.1-targModifiedValidated.json",
    "bodiesTargets/3.3.6-targRightsValidated.json",
    "bodiesTargets/3.3.7-targCanonicalValidated.json",
    "bodiesTargets/3.3.7-targViaValidated.json",
    "bodiesTargets/3.2.7-targEWRNoItems.json",
    "bodiesTargets/3.3.5-targEWRNoPurpose.json",
    "bodiesTargets/3.2.4-targChoiceSetNoValue.json",
    "bodiesTargets/4-targChoiceSetNoSource.json",
    "bodiesTargets/3.3.5-targChoiceSetNoPurpose.json",
    "bodiesTargets/3.2.7-targSpecificResourceNoItems.json",
    "bodiesTargets/4-targSpecificResourceNoValue.json",
    "bodiesTargets/3.2.4-targNoTypeTextualBody.json",
]
SPECIFIC_RESOURCE_MUSTS = [
    "specificResource/4.2-selectorValidIfPresent.json",
    "specificResource/4.3-stateValidIfPresent.json",
    "specificResource/4.3.3-refinedByValidated.json",
    "specificResource/4.4-styleClassValidIfPresent.json",
    "specificResource/4.2-fragmentCssXPathSelectorValid.json",
    "specificResource/4.2.4-textQuoteSelectorValid.json",
    "specificResource/4.2-TextDataPositionSelectorValid.json",
    "specificResource/4.2.7-svgSelectorValid.json",
    "specificResource/4.2.8-rangeSelectorValid.json",
    "specificResource/4.3.1-timeStateValid.json",
    "specificResource/4.3.2-httpRequestStateValid.json",
]


def _load(relative: str) -> dict[str, Any]:
    for candidate in (ROOT / relative, ROOT / "annotations" / relative):
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    raise FileNotFoundError(relative)


def _musts(test_file: str) -> list[str]:
    return list(json.loads((ROOT / test_file).read_text(encoding="utf-8"))["assertions"])


@cache
def _registry() -> Registry:
    resources = []
    for path in (ROOT / "definitions").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("id", path.name), Resource.from_contents(schema, DRAFT4)))
    return Registry().with_resources(resources)


def failures(instance: dict[str, Any], assertions: list[str]) -> list[str]:
    """The assertions `instance` fails (empty when it conforms)."""
    failed = []
    for relative in assertions:
        schema = _load(relative)
        expected = schema.get("expectedResult", "valid") == "valid"
        valid = Draft4Validator(schema, registry=_registry()).is_valid(instance)
        if valid != expected:
            failed.append(f"{relative}: {schema.get('errorMessage', schema.get('title', ''))}")
    return failed


def annotation_failures(annotation: dict[str, Any]) -> list[str]:
    musts = _musts("annotations/annotationMusts.test") + BODY_MUSTS + TARGET_MUSTS
    found = failures(annotation, musts)
    target = annotation["target"]
    for resource in target if isinstance(target, list) else [target]:
        if isinstance(resource, dict):
            found += failures(resource, SPECIFIC_RESOURCE_MUSTS)
    return found


def collection_failures(collection: dict[str, Any]) -> list[str]:
    found = failures(collection, _musts("collections/collectionMusts.test"))
    found += failures(collection["first"], _musts("collections/pages/pageMusts.test"))
    return found
