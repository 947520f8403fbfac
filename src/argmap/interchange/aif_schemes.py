"""Argumentation schemes in AIF: scheme descriptors with their critical questions, out and back.

AIF's forms ontology describes a scheme by descriptors: a premise description
for each premise, a conclusion description, and, for its critical questions,
premise, presumption and exception descriptions (a question that asks for a
stated premise, for what the argument takes for granted, for a case where it
fails). AIFdb and OVA name the scheme a node applies with ``scheme`` (its
name) and ``schemeID`` on the node, and list ``schemefulfillments``. argmap
writes all three, and the descriptors as a top-level ``schemes`` list:

.. code-block:: json

    {"schemeID": "expert_opinion", "name": "Argument from expert opinion", "type": "RA",
     "descriptors": [{"descriptorID": "expert_opinion.premise.1", "type": "PremiseDescription",
                      "text": "Source E is an expert ...", "tag": "expertise"}, ...],
     "cqs": [{"cqID": "expert_opinion.field", "key": "field", "type": "premise",
              "descriptor": "PremiseDescription", "text": "Is E an expert in the field ...?"}, ...]}

An RA or CA node whose inference raises or answers a question says so with
``raisesCQ`` or ``answersCQ`` (the question's key). Reading does the reverse:
a scheme of the list that is not the catalogue's becomes a scheme the map
defines, and a node's scheme named only in words (``"Argument From
Consequences"``) is the catalogue scheme of that name or key when there is
one, else a scheme the map defines, without questions, so that the checker
does not warn of an unknown scheme for each node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from argmap.interchange.losses import Loss
from argmap.language import RESERVED, is_id
from argmap.model import ArgumentMap, Inference, SchemeDefinition, SchemePremise, SchemeQuestion, Span
from argmap.model.index import index
from argmap.model.questions import scheme_of
from argmap.schemes import Scheme, catalogue

#: The AIF descriptor of each type of critical question.
DESCRIPTORS = {
    "premise": "PremiseDescription",
    "assumption": "PresumptionDescription",
    "exception": "ExceptionDescription",
}
#: The texts of scheme nodes that name no scheme.
DEFAULT_TEXTS = frozenset({"Default Inference", "Default Conflict"})

Premise = tuple[str, str | None]
Ask = tuple[str, str, str]  # key, type, text


# --- writing -----------------------------------------------------------------


def form(
    key: str,
    name: str,
    premises: Iterable[Premise],
    conclusion: str | None,
    questions: Iterable[Ask],
    reference: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """The descriptor form of one scheme (see the module's description)."""
    descriptors: list[dict[str, Any]] = []
    for n, (text, tag) in enumerate(premises, 1):
        d: dict[str, Any] = {"descriptorID": f"{key}.premise.{n}", "type": "PremiseDescription", "text": text}
        if tag:
            d["tag"] = tag
        descriptors.append(d)
    if conclusion is not None:
        descriptors.append({"descriptorID": f"{key}.conclusion", "type": "ConclusionDescription", "text": conclusion})
    cqs = []
    for q, kind, text in questions:
        cq: dict[str, Any] = {"cqID": f"{key}.{q}", "key": q, "type": kind}
        if kind in DESCRIPTORS:
            cq["descriptor"] = DESCRIPTORS[kind]
        cq["text"] = text
        cqs.append(cq)
    out: dict[str, Any] = {"schemeID": key, "name": name, "type": "RA", "descriptors": descriptors, "cqs": cqs}
    out.update({k: v for k, v in (("reference", reference), ("note", note)) if v is not None})
    return out


def of_definition(d: SchemeDefinition) -> dict[str, Any]:
    """The descriptor form of a scheme the map defines (everything it says)."""
    questions = ((q.key, q.type, q.text) for q in d.questions)
    premises = ((p.text, p.tag) for p in d.premises)
    return form(d.key, d.name, premises, d.conclusion, questions, d.reference, d.note)


def of_catalogue(s: Scheme) -> dict[str, Any]:
    """The descriptor form of a scheme of the catalogue."""
    questions = ((q.key, q.type, q.text) for q in s.questions)
    return form(s.key, s.name, ((p.text, p.tag) for p in s.premises), s.conclusion, questions, s.reference)


def forms(m: ArgumentMap) -> list[dict[str, Any]]:
    """The descriptors of every scheme the map defines, then of each catalogue scheme its inferences name."""
    ix = index(m)
    out = [of_definition(d) for d in m.schemes()]
    shipped = catalogue()
    for key in dict.fromkeys(i.scheme for i in ix.inferences if i.scheme):
        scheme = shipped.get(key)
        if key not in ix.schemes and scheme is not None:
            out.append(of_catalogue(scheme))
    return out


def named(m: ArgumentMap, inf: Inference) -> tuple[str, str] | None:
    """``(name, key)`` of the scheme an inference names, when the map or the catalogue knows it."""
    scheme = scheme_of(inf, index(m))
    return (scheme.name, scheme.key) if scheme is not None else None


# --- reading -----------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


class SchemeReader:
    """The schemes of an AIF nodeset: the descriptors it lists, and those its nodes name in words."""

    def __init__(self, data: dict[str, Any], span: Callable[[object], Span]) -> None:
        self.span = span
        self.losses: list[Loss] = []
        self.definitions: list[SchemeDefinition] = []
        self.by_name: dict[str, str] = {}  # a normalised key or name -> the key
        for s in catalogue().schemes:
            self.by_name.setdefault(_norm(s.key), s.key)
            self.by_name.setdefault(_norm(s.name), s.key)
        self.keys = set(catalogue().keys())
        listed = data.get("schemes", [])
        for entry in listed if isinstance(listed, list) else []:
            self._listed(entry)
        self.fulfilled: dict[str, str] = {}
        fulfilments = data.get("schemefulfillments", data.get("schemeFulfillments", []))
        for f in fulfilments if isinstance(fulfilments, list) else []:
            if isinstance(f, dict) and isinstance(f.get("schemeID"), (str, int)):
                self.fulfilled[str(f.get("nodeID"))] = str(f["schemeID"])

    def _listed(self, entry: object) -> None:
        definition = _definition(entry)
        if definition is None:
            what = "not a scheme argmap reads: it needs a `schemeID` (an argmap id) and a `name`"
            self.losses.append(Loss("a scheme descriptor", what, self.span(entry)))
            return
        shipped = catalogue().get(definition.key)
        if shipped is not None and entry == of_catalogue(shipped):
            return  # the catalogue's own
        self.definitions.append(definition)
        self.keys.add(definition.key)
        self.by_name[_norm(definition.key)] = definition.key
        self.by_name.setdefault(_norm(definition.name), definition.key)

    def key_for(self, node_id: str, node: dict[str, Any]) -> str | None:
        """The key of the scheme an RA or CA node applies: its ``schemeID`` if argmap knows it, else by its words."""
        given = node.get("schemeID", self.fulfilled.get(node_id))
        if isinstance(given, (str, int)) and str(given) in self.keys:
            return str(given)
        text = node.get("scheme") if isinstance(node.get("scheme"), str) else node.get("text")
        if not isinstance(text, str) or not text.strip() or text.strip() in DEFAULT_TEXTS:
            return None
        words = _norm(text)
        found = self.by_name.get(words) or self.by_name.get(words.removeprefix("argument_from_"))
        if found is not None:
            return found
        key = self._fresh(words)
        self.definitions.append(SchemeDefinition(key, text.strip(), span=self.span(node)))
        self.keys.add(key)
        self.by_name[words] = key
        return key

    def _fresh(self, words: str) -> str:
        key = words if is_id(words) and words not in RESERVED else f"scheme_{words}".rstrip("_")
        base, n = key, 1
        while key in self.keys:
            n += 1
            key = f"{base}_{n}"
        return key


def _definition(entry: object) -> SchemeDefinition | None:
    """A scheme descriptor as a scheme the map defines, or None when it is not one argmap reads."""
    if not isinstance(entry, dict):
        return None
    key, name = entry.get("schemeID"), entry.get("name")
    if not isinstance(key, str) or not is_id(key) or not isinstance(name, str):
        return None
    premises, conclusion = [], None
    for d in _dicts(entry.get("descriptors")):
        text = d.get("text")
        if not isinstance(text, str):
            continue
        if d.get("type") == "PremiseDescription":
            tag = d.get("tag")
            premises.append(SchemePremise(text, tag if isinstance(tag, str) and is_id(tag) else None))
        elif d.get("type") == "ConclusionDescription":
            conclusion = text
    questions = [
        SchemeQuestion(q["key"], str(q.get("type", "")), q["text"])
        for q in _dicts(entry.get("cqs"))
        if isinstance(q.get("key"), str)
        and is_id(q["key"])
        and isinstance(q.get("text"), str)
        and isinstance(q.get("type"), str)
        and is_id(q["type"])
    ]
    reference, note = (v if isinstance(v := entry.get(k), str) else None for k in ("reference", "note"))
    return SchemeDefinition(key, name, tuple(premises), conclusion, tuple(questions), reference=reference, note=note)


def _dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
