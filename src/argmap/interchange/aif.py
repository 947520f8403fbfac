"""AIF, the Argument Interchange Format, in the JSON form of AIFdb and OVA.

A nodeset has ``nodes`` (``nodeID``, ``text``, ``type``) and ``edges``
(``fromID``, ``toID``), and for dialogues ``locutions`` and ``participants``.
OVA3 files and xAIF keep the nodeset under an ``AIF`` key; both are read.

Writing: a statement becomes an I-node (its id is the ``nodeID``), a support an
RA node (all linked premises into one RA; its text is the scheme), an attack a
CA node, an undercut a CA node pointing at the RA or CA it undercuts, and a
contradiction two CA nodes, one each way, with the text ``Contradiction``. With
``with_dialogue`` the L / YA layer says who asserted what: each statement with
``by``, ``quote`` or ``source`` gets a locution (L node, an ``Asserting`` YA
node, an entry in ``locutions``) and each actor a participant. Schemes, their
critical questions and ``raises:`` / ``answers:`` travel as scheme descriptors
and node fields (see :mod:`argmap.interchange.aif_schemes`).

Reading does the reverse. Node ids are normalised (``7`` and ``"7"`` are one
node; an id that is not an argmap id becomes one, e.g. ``n7``). An I-node's
kind is read from its place: concluded by a support and a premise of nothing,
a thesis; a premise of attacks only, an objection; otherwise a claim. MA
(rephrase), TA (transition), PA (preference) and unknown nodes, and anything
else argmap cannot hold, are listed as losses.

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty."  c supports t')
    >>> out = dumps_aif(m)
    >>> [(n["nodeID"], n["type"]) for n in json.loads(out.text)["nodes"]]
    [('t', 'I'), ('c', 'I'), ('ra.1', 'RA')]
    >>> loads_aif(out.text).map == m
    True
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from attrs import fields

from argmap.errors import ArgmapSyntaxError
from argmap.fileio import read_text, write_atomic
from argmap.interchange import aif_schemes
from argmap.interchange.jsontext import parse, where
from argmap.interchange.losses import Exported, Imported, Loss
from argmap.language import RESERVED, is_id
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Include,
    Inference,
    InferenceKind,
    Item,
    Preference,
    SchemeDefinition,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    walk,
)

SUPPORT_TEXT = "Default Inference"
ATTACK_TEXT = "Default Conflict"
CONTRADICTION_TEXT = "Contradiction"
PREFERENCE_TEXT = "Default Preference"
ASSERTING = "Asserting"
#: Node types argmap reads into the map; other known types are reported.
KNOWN_TYPES = {"I", "RA", "CA", "MA", "PA", "L", "YA", "TA"}


def kind_from_place(concluded: bool, supports_something: bool, attacks_something: bool) -> StatementKind:
    """The kind an I-node gets when read: see the module's description."""
    if concluded and not supports_something and not attacks_something:
        return StatementKind.THESIS
    if attacks_something and not supports_something:
        return StatementKind.OBJECTION
    return StatementKind.CLAIM


# --- writing -----------------------------------------------------------------


def dumps_aif(m: ArgumentMap, *, with_dialogue: bool = False) -> Exported:
    """The map as AIF JSON text, and what AIF could not carry.

    Args:
        m: the map.
        with_dialogue: also write who asserted what (L and YA nodes, locutions, participants).
    """
    writer = _Writer(m, with_dialogue)
    writer.write()
    data: dict[str, Any] = {
        "nodes": writer.nodes,
        "edges": writer.edges,
        "locutions": writer.locutions,
        "participants": writer.people,
    }
    if writer.schemes:
        data["schemes"] = writer.schemes
        data["schemefulfillments"] = writer.fulfilments
    return Exported(json.dumps(data, indent=2, ensure_ascii=False) + "\n", tuple(writer.losses))


def dump_aif(m: ArgumentMap, path: str, *, with_dialogue: bool = False) -> tuple[Loss, ...]:
    """Write the map to an AIF file (atomically) and return what AIF could not carry."""
    out = dumps_aif(m, with_dialogue=with_dialogue)
    write_atomic(path, out.text)
    return out.losses


class _Writer:
    def __init__(self, m: ArgumentMap, with_dialogue: bool) -> None:
        self.m, self.dialogue = m, with_dialogue
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.people: list[dict[str, Any]] = []
        self.losses: list[Loss] = []
        self.taken: set[str] = set()
        self.statement_ids = {s.id for s in m.statements()}
        self.inference_nodes: dict[str, str] = {}
        self.counters: dict[str, int] = defaultdict(int)
        self.schemes = aif_schemes.forms(m)
        self.fulfilments: list[dict[str, str]] = []

    def lose(self, item: Item, what: str) -> None:
        self.losses.append(Loss.of(item, what))

    def fresh(self, prefix: str) -> str:
        while True:
            self.counters[prefix] += 1
            name = f"{prefix}.{self.counters[prefix]}"
            if name not in self.taken:
                self.taken.add(name)
                return name

    def node(self, node_id: str, text: str, kind: str) -> None:
        self.nodes.append({"nodeID": node_id, "text": text, "type": kind})

    def edge(self, tail: str, head: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": tail, "toID": head})

    def write(self) -> None:
        self.header()
        self.taken = set()
        self.statement_nodes: dict[int, str] = {}
        self.node_of: dict[int, str] = {}
        for st in self.m.statements():
            self.statement_nodes[id(st)] = self.claim_id(st, st.id)
        inferences = list(self.m.inferences())
        for inf in inferences:
            fallback = "ra" if inf.kind is InferenceKind.SUPPORT else "ca"
            self.node_of[id(inf)] = self.claim_id(inf, inf.id, fallback)
            self.inference_nodes.setdefault(inf.key, self.node_of[id(inf)])
        roles = _roles(inferences)
        preferences: list[Preference] = []
        for item, _ in walk(self.m.items):
            if isinstance(item, Statement):
                self.statement(item, roles)
            elif isinstance(item, Inference):
                self.inference(item)
            elif isinstance(item, Contradiction):
                self.contradiction(item)
            elif isinstance(item, Preference):
                preferences.append(item)  # after every node it may name
            elif isinstance(item, Section):
                self.lose(item, "AIF has no sections; its items are written without it")
            elif isinstance(item, Include):
                self.lose(item, "AIF has no includes; the included items are written in place")
            elif isinstance(item, Source):
                self.source(item)
            elif isinstance(item, SchemeDefinition):
                for key, _ in item.extra:
                    self.lose(item, f"the unknown attribute `{key}`: AIF scheme descriptors have no place for it")
            else:
                self.actor(item)
        for preference in preferences:
            self.preference(preference)

    def claim_id(self, element: Statement | Inference, wanted: str | None, fallback: str = "i") -> str:
        """A node id for an element: its own id, unless another node has it already."""
        if wanted is not None and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        node_id = self.fresh(fallback)
        if wanted is not None:
            self.lose(element, f"its id `{wanted}` is used twice; written as node {node_id}")
        return node_id

    def header(self) -> None:
        for f in fields(ArgumentMap):
            if f.name in ("title", "author", "date", "about") and getattr(self.m, f.name) is not None:
                self.losses.append(Loss("the map header", f"`{f.name}`: AIF has no header"))
        for key, _ in self.m.header_extra:
            self.losses.append(Loss("the map header", f"the repeated line `{key}`: AIF has no header"))

    def statement(self, s: Statement, roles: dict[str, set[str]]) -> None:
        node_id = self.statement_nodes[id(s)]
        self.node(node_id, s.text, "I")
        read_as = kind_from_place(s.id in roles["concluded"], s.id in roles["supports"], s.id in roles["attacks"])
        if s.kind is not read_as:
            self.lose(s, f"the kind `{s.kind.value}`: AIF has none (it reads back as `{read_as.value}`)")
        carried = {"kind", "id", "text"} | ({"by", "quote", "source"} if self.dialogue else set())
        self.attributes(s, carried)
        if self.dialogue and (s.by or s.quote or s.source):
            self.locution(s)

    def attributes(
        self, element: Statement | Inference | Contradiction | Preference | Source | Actor, carried: set[str]
    ) -> None:
        for f in fields(type(element)):
            if f.name in carried or f.name in ("span", "parts", "shorthand"):
                continue
            value = getattr(element, f.name)
            if value not in (None, (), "") and value != f.default:
                shown = value if isinstance(value, str) else ", ".join(str(v) for v in value)
                self.lose(element, f"`{f.name}: {shown}`: AIF has no place for it")

    def locution(self, s: Statement) -> None:
        node_id, ya = self.fresh("l"), self.fresh("ya")
        self.node(node_id, s.quote or s.text, "L")
        self.node(ya, ASSERTING, "YA")
        self.edge(node_id, ya)
        self.edge(ya, self.statement_nodes[id(s)])
        locution: dict[str, Any] = {"nodeID": node_id}
        if s.by:
            locution["personID"] = s.by
            if not any(p["participantID"] == s.by for p in self.people):
                self.people.append({"participantID": s.by, "firstname": s.by, "surname": ""})
        if s.source:
            locution["source"] = s.source
        self.locutions.append(locution)

    def inference(self, inf: Inference) -> None:
        node_id = self.node_of[id(inf)]
        kind, default = ("RA", SUPPORT_TEXT) if inf.kind is InferenceKind.SUPPORT else ("CA", ATTACK_TEXT)
        known = aif_schemes.named(self.m, inf)
        self.node(node_id, known[0] if known else inf.scheme or default, kind)
        node = self.nodes[-1]
        if known:
            node["scheme"], node["schemeID"] = known
            self.fulfilments.append({"nodeID": node_id, "schemeID": known[1]})
        for attr, field in (("raises", "raisesCQ"), ("answers", "answersCQ")):
            if getattr(inf, attr) is not None:
                node[field] = getattr(inf, attr)
        self.attributes(inf, {"kind", "premises", "target", "id", "scheme", "raises", "answers"})
        for premise in inf.premises:
            if premise in self.statement_ids:
                self.edge(premise, node_id)
            else:
                self.lose(inf, f"the premise `{premise}`: no statement has this id")
        if inf.kind is InferenceKind.UNDERCUT:
            target = self.inference_nodes.get(inf.target or "")
        else:
            target = inf.target if inf.target in self.statement_ids else None
        if target is None:
            self.lose(inf, f"the target `{inf.target}`: nothing to point at")
        else:
            self.edge(node_id, target)

    def contradiction(self, c: Contradiction) -> None:
        self.attributes(c, {"left", "right"})
        if c.left not in self.statement_ids or c.right not in self.statement_ids:
            self.lose(c, "a side names no statement")
            return
        for tail, head in ((c.left, c.right), (c.right, c.left)):
            node_id = self.fresh("ca")
            self.node(node_id, CONTRADICTION_TEXT, "CA")
            self.edge(tail, node_id)
            self.edge(node_id, head)

    def preference(self, p: Preference) -> None:
        """A PA node: the preferred node -> PA -> the dispreferred node."""
        self.attributes(p, {"stronger", "weaker"})
        nodes = self.inference_nodes
        ends = [side if side in self.statement_ids else nodes.get(side) for side in (p.stronger, p.weaker)]
        if ends[0] is None or ends[1] is None:
            self.lose(p, "a side names no statement or inference")
            return
        node_id = self.fresh("pa")
        self.node(node_id, PREFERENCE_TEXT, "PA")
        self.edge(ends[0], node_id)
        self.edge(node_id, ends[1])

    def source(self, s: Source) -> None:
        if not self.dialogue:
            self.lose(s, "plain AIF has no sources (--with-dialogue keeps the id in locutions)")
        else:
            self.attributes(s, {"id"})

    def actor(self, a: Actor) -> None:
        if not self.dialogue:
            self.lose(a, "plain AIF has no actors (--with-dialogue keeps them as participants)")
            return
        self.attributes(a, {"id", "name"})
        self.people.append({"participantID": a.id, "firstname": a.name, "surname": ""})


def _roles(inferences: list[Inference]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {"concluded": set(), "supports": set(), "attacks": set()}
    for inf in inferences:
        support = inf.kind is InferenceKind.SUPPORT
        roles["supports" if support else "attacks"].update(inf.premises)
        if support and inf.target:
            roles["concluded"].add(inf.target)
    return roles


# --- reading -----------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, message: str, at: object) -> None:
        self.message, self.at = message, at


def loads_aif(text: str, path: str | None = None) -> Imported:
    """The map in AIF JSON text (AIFdb, OVA3 or xAIF), and what argmap could not hold.

    Raises:
        ArgmapSyntaxError: the text is not JSON or not an AIF nodeset; the message says where.
    """
    data = parse(text, path)
    try:
        return _Reader(data, path).read()
    except _Bad as bad:
        line, column = where(bad.at)
        raise ArgmapSyntaxError(bad.message, path, line, column) from None


def load_aif(path: str) -> Imported:
    """The map in an AIF file, and what argmap could not hold.

    Raises:
        ArgmapFileError: the file cannot be read.
        ArgmapSyntaxError: it is not an AIF nodeset.
    """
    return loads_aif(read_text(path), path)


def _normal_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


class _Reader:
    def __init__(self, data: Any, path: str | None) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.path = path
        if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
            data = data["AIF"]  # OVA3 and xAIF
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
            raise _Bad("not an AIF nodeset: expected an object with a `nodes` list", data)
        self.data = data
        self.ins: dict[str, list[str]] = defaultdict(list)
        self.outs: dict[str, list[str]] = defaultdict(list)
        self.losses: list[Loss] = []
        self.names: dict[str, str] = {}
        self.schemes = aif_schemes.SchemeReader(data, self.span)

    def span(self, node: object) -> Span:
        line, column = where(node)
        return Span(self.path, line, column, line, column + 1)

    def lose(self, node_id: str, what: str) -> None:
        self.losses.append(Loss(f"node {node_id}", what, self.span(self.nodes.get(node_id))))

    def read(self) -> Imported:
        self.read_nodes()
        self.read_edges()
        statements = [n for n in self.nodes if self.type(n) == "I"]
        for node_id in statements:
            self.names[node_id] = self.argmap_id(node_id)
        items: list[Item] = []
        inferences = self.inferences()
        items.extend(self.schemes.definitions)
        self.losses.extend(self.schemes.losses)
        said = self.dialogue()
        roles = _roles([inf for inf, _ in inferences])
        for node_id in statements:
            node = self.nodes[node_id]
            ident = self.names[node_id]
            kind = kind_from_place(ident in roles["concluded"], ident in roles["supports"], ident in roles["attacks"])
            text = node.get("text")
            if not isinstance(text, str):
                raise _Bad(f"I-node {node_id} has no text", node)
            by, quote, source = said.get(node_id, (None, None, None))
            items.append(Statement(kind, ident, text, by=by, quote=quote, source=source, span=self.span(node)))
        items.extend(self.people())
        items.extend(self.sources(said))
        items.extend(inf for inf, _ in inferences)
        items.extend(self.contradictions())
        items.extend(self.preferences())
        return Imported(ArgumentMap(items=tuple(items)), tuple(self.losses))

    def type(self, node_id: str) -> str:
        return str(self.nodes[node_id].get("type"))

    def read_nodes(self) -> None:
        for node in self.data["nodes"]:
            if not isinstance(node, dict):
                raise _Bad("a node should be an object", self.data)
            node_id = _normal_id(node.get("nodeID"))
            if node_id is None:
                raise _Bad("a node has no `nodeID` (a string or a number)", node)
            if node_id in self.nodes:
                raise _Bad(f"two nodes have the id {node_id}", node)
            if not isinstance(node.get("type"), str):
                raise _Bad(f"node {node_id} has no `type`", node)
            self.nodes[node_id] = node
            if node["type"] not in KNOWN_TYPES:
                self.lose(node_id, f"the node type `{node['type']}` is not one argmap reads")

    def read_edges(self) -> None:
        edges = self.data.get("edges", [])
        if not isinstance(edges, list):
            raise _Bad("`edges` should be a list", self.data)
        for edge in edges:
            if not isinstance(edge, dict):
                raise _Bad("an edge should be an object", self.data)
            tail, head = _normal_id(edge.get("fromID")), _normal_id(edge.get("toID"))
            for end, name in ((tail, "fromID"), (head, "toID")):
                if end is None:
                    raise _Bad(f"an edge has no `{name}`", edge)
                if end not in self.nodes:
                    raise _Bad(f"an edge's `{name}` names no node: {end}", edge)
            assert tail is not None and head is not None
            self.outs[tail].append(head)
            self.ins[head].append(tail)

    def argmap_id(self, node_id: str, prefix: str = "n") -> str:
        taken = set(self.names.values())
        ident = node_id
        if not is_id(ident) or ident in RESERVED:
            ident = re.sub(r"[^\w-]", "_", ident)
            if not is_id(ident) or ident in RESERVED:
                ident = f"{prefix}{ident}"
        base, n = ident, 1
        while ident in taken:
            n += 1
            ident = f"{base}_{n}"
        return ident

    def inferences(self) -> list[tuple[Inference, str]]:
        scheme_nodes = [n for n in self.nodes if self.type(n) in ("RA", "CA")]
        contradiction = self.contradiction_nodes()
        undercut = {h for n in scheme_nodes for h in self.outs[n] if self.type(h) in ("RA", "CA")}
        undercut |= {end for n in self.nodes if self.type(n) == "PA" for end in self.pa_ends(n) if end in scheme_nodes}
        for node_id in scheme_nodes:
            if node_id in undercut and node_id not in self.names:
                self.names[node_id] = self.argmap_id(node_id, "i")
        found: list[tuple[Inference, str]] = []
        for node_id in scheme_nodes:
            if node_id in contradiction:
                continue
            inference = self.inference(node_id, node_id in undercut)
            if inference is not None:
                found.append((inference, node_id))
        for node_id in self.nodes:
            if self.type(node_id) in ("MA", "TA"):
                self.lose(node_id, _WHY[self.type(node_id)])
        return found

    def inference(self, node_id: str, targeted: bool) -> Inference | None:
        node, support = self.nodes[node_id], self.type(node_id) == "RA"
        premises: list[str] = []
        lost: list[str] = []
        for tail in self.ins[node_id]:
            (premises if self.type(tail) == "I" else lost).append(tail)
        for tail in lost:
            if self.type(tail) not in ("YA", "CA", "PA", "MA"):
                self.lose(node_id, f"the edge from node {tail} ({self.type(tail)}): argmap premises are statements")
        heads = [h for h in self.outs[node_id] if self.type(h) in ("I", "RA", "CA")]
        if len(heads) != 1:
            self.lose(node_id, f"an {self.type(node_id)} node with {len(heads)} conclusions: argmap needs one")
            return None
        head = heads[0]
        if self.type(head) == "I":
            kind, target = (InferenceKind.SUPPORT if support else InferenceKind.ATTACK), self.names[head]
        elif support:
            self.lose(node_id, f"an RA node supporting the inference at node {head}: argmap cannot support inferences")
            return None
        else:
            kind, target = InferenceKind.UNDERCUT, self.names.setdefault(head, self.argmap_id(head, "i"))
        scheme = self.schemes.key_for(node_id, node)
        asked = {k: v for k, f in (("raises", "raisesCQ"), ("answers", "answersCQ")) if _is_key(v := node.get(f))}
        ident = self.names.get(node_id)
        if ident is None and is_id(node_id) and node_id not in RESERVED and not node_id.isdigit():
            ident = self.names[node_id] = self.argmap_id(node_id)
        premise_ids = tuple(self.names[p] for p in premises)
        return Inference(kind, premise_ids, target, id=ident, scheme=scheme, span=self.span(node), **asked)  # type: ignore[arg-type]

    def pa_ends(self, node_id: str) -> list[str]:
        """The nodes a PA node prefers and disprefers: its one tail and its one head."""
        return [*self.ins[node_id], *self.outs[node_id]]

    def preferences(self) -> list[Preference]:
        """PA nodes between two statements or two inferences, as `stronger outweighs weaker`."""
        found: list[Preference] = []
        for node_id in self.nodes:
            if self.type(node_id) != "PA":
                continue
            tails, heads = self.ins[node_id], self.outs[node_id]
            ends = [*tails, *heads]
            if len(tails) != 1 or len(heads) != 1 or any(e not in self.names for e in ends):
                self.lose(node_id, "a PA node should go from one statement or inference to another")
                continue
            found.append(Preference(self.names[tails[0]], self.names[heads[0]], span=self.span(self.nodes[node_id])))
        return found

    def contradiction_nodes(self) -> dict[str, tuple[str, str]]:
        """CA nodes that form contradictions: two single-premise ``Contradiction`` CAs, one each way."""
        pairs: dict[tuple[str, str], str] = {}
        for node_id in self.nodes:
            node = self.nodes[node_id]
            if self.type(node_id) != "CA" or str(node.get("text", "")).strip().lower() != CONTRADICTION_TEXT.lower():
                continue
            tails, heads = self.ins[node_id], self.outs[node_id]
            if len(tails) == 1 == len(heads) and self.type(tails[0]) == "I" == self.type(heads[0]):
                pairs.setdefault((tails[0], heads[0]), node_id)
        return {
            node_id: (tail, head) for (tail, head), node_id in pairs.items() if (head, tail) in pairs and tail != head
        }

    def contradictions(self) -> list[Contradiction]:
        out: list[Contradiction] = []
        for node_id, (tail, head) in self.contradiction_nodes().items():
            if tail < head or (tail == head):
                continue
            out.append(Contradiction(self.names[head], self.names[tail], span=self.span(self.nodes[node_id])))
        out.sort(key=lambda c: (c.span.line, c.span.column) if c.span else (0, 0))
        return out

    def dialogue(self) -> dict[str, tuple[str | None, str | None, str | None]]:
        """For each I-node asserted in a locution: who said it, the words used, the source."""
        locutions = {}
        for loc in self.data.get("locutions", []) if isinstance(self.data.get("locutions"), list) else []:
            if isinstance(loc, dict) and _normal_id(loc.get("nodeID")) is not None:
                locutions[_normal_id(loc.get("nodeID"))] = loc
        said: dict[str, tuple[str | None, str | None, str | None]] = {}
        for node_id in self.nodes:
            kind = self.type(node_id)
            if kind == "L":
                self.read_locution(node_id, locutions.get(node_id), said)
            elif kind == "YA" and not any(self.type(t) == "L" for t in self.ins[node_id]):
                self.lose(node_id, "a YA node between propositions (an illocution argmap cannot hold)")
        return said

    def read_locution(self, node_id: str, loc: dict[str, Any] | None, said: dict[str, Any]) -> None:
        targets = [h for ya in self.outs[node_id] if self.type(ya) == "YA" for h in self.outs[ya]]
        statements = [t for t in targets if self.type(t) == "I"]
        if len(statements) != 1 or len(targets) != 1:
            self.lose(node_id, "a locution that asserts no single statement (dialogue moves are not kept)")
            return
        person = _normal_id(loc.get("personID")) if loc else None
        source = loc.get("source") if loc and isinstance(loc.get("source"), str) else None
        text = self.nodes[node_id].get("text")
        i_text = self.nodes[statements[0]].get("text")
        if isinstance(text, str) and person:
            text = re.sub(rf"^\s*{re.escape(self.person_name(person))}\s*:\s*", "", text)
        quote = text if isinstance(text, str) and text != i_text else None
        by = self.person_id(person) if person else None
        said[statements[0]] = (by, quote, self.source_id(source) if source else None)

    def person_name(self, person: str) -> str:
        for p in self.participants():
            if _normal_id(p.get("participantID")) == person:
                return " ".join(str(p.get(k, "")) for k in ("firstname", "surname")).strip()
        return person

    def participants(self) -> list[dict[str, Any]]:
        people = self.data.get("participants", [])
        return [p for p in people if isinstance(p, dict)] if isinstance(people, list) else []

    def person_id(self, person: str) -> str:
        key = f"person:{person}"
        if key not in self.names:
            self.names[key] = self.argmap_id(person, "p")
        return self.names[key]

    def source_id(self, source: str) -> str:
        key = f"source:{source}"
        if key not in self.names:
            self.names[key] = self.argmap_id(source, "s")
        return self.names[key]

    def people(self) -> list[Actor]:
        out = []
        for p in self.participants():
            person = _normal_id(p.get("participantID"))
            if person is None:
                continue
            out.append(Actor(self.person_id(person), self.person_name(person) or person, span=self.span(p)))
        return out

    def sources(self, said: dict[str, tuple[str | None, str | None, str | None]]) -> list[Source]:
        used = {s for _, _, s in said.values() if s}
        titles = {ident: key.removeprefix("source:") for key, ident in self.names.items() if key.startswith("source:")}
        return [Source(ident, title) for ident, title in titles.items() if ident in used]


def _is_key(value: object) -> bool:
    """True for a question key as ``raisesCQ`` and ``answersCQ`` hold it: an id."""
    return isinstance(value, str) and is_id(value)


_WHY = {
    "MA": "an MA node (rephrase): argmap has no rephrase relation",
    "TA": "a TA node (transition between locutions): argmap keeps no dialogue moves",
}
