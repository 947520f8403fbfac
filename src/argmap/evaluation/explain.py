"""Why an element has its status, in the map's own terms.

An explanation is a tree: a sentence about one element, then the elements
that sentence relies on, each explained in turn. What is shown is what
decides the status:

- a statement IN: the reasons that hold and, if any, the objections that fail;
- a statement OUT: the objections that succeed, or else its reasons, all failing;
- an inference IN: its premises, and the undercuts that fail;
- an inference OUT: the premise that fails, the undercut or rebuttal that succeeds;
- anything UNDECIDED: the undecided points it hangs on, down to the conflict.

Each element is explained once per tree; later mentions say "see above".
The wording describes the structure of the map and nothing else.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "T"  claim a "A"  claim b "B"
    ... a supports t
    ... a contradicts b
    ... ''')
    >>> print(argmap.evaluate(m).explain("a"))
    `a` is UNDECIDED: taken as given, but the contradicting statement `b` is UNDECIDED.
    - `b` is UNDECIDED: taken as given, but the contradicting statement `a` is UNDECIDED.
      - `a` is UNDECIDED (see above: a circle of objections that nothing on the map settles).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from argmap.evaluation.arguments import Arguments
from argmap.evaluation.status import Status
from argmap.language import INFERENCE_WORDS
from argmap.model import Inference
from argmap.model.index import index

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation

IN, OUT, UNDECIDED = Status.IN, Status.OUT, Status.UNDECIDED


@frozen
class Explanation:
    """One element's status, the sentence that says why, and what that rests on.

    Attributes:
        subject: the statement id or inference key explained.
        status: its status.
        text: one sentence.
        because: the elements the sentence relies on, explained in turn.
    """

    subject: str
    status: Status
    text: str
    because: tuple[Explanation, ...] = ()

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self, indent: int = 0) -> list[str]:
        """The explanation as indented lines, one bullet per element."""
        prefix = "" if indent == 0 else "  " * (indent - 1) + "- "
        out = [prefix + self.text]
        for child in self.because:
            out.extend(child.lines(indent + 1))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: subject, status, text and the explanations it rests on."""
        return {
            "subject": self.subject,
            "status": self.status.value,
            "text": self.text,
            "because": [child.to_dict() for child in self.because],
        }


class MapView:
    """What the explanations need to know about the map: who relates to whom."""

    def __init__(self, ev: Evaluation) -> None:
        ix = index(ev.map)
        self.statements = ix.statements
        self.supports: dict[str, list[Inference]] = defaultdict(list)
        self.attacks: dict[str, list[Inference]] = defaultdict(list)
        self.undercuts: dict[str, list[Inference]] = defaultdict(list)
        self.contradicting: dict[str, list[str]] = defaultdict(list)
        self.inference: dict[str, Inference] = {}
        self.position = {id(inf): p for p, inf in enumerate(ix.inferences)}
        for inf in ix.inferences:
            self.inference.setdefault(inf.key, inf)
            if inf.target is None:
                continue
            words = INFERENCE_WORDS[inf.kind]
            pool: Collection[str]
            if words.aims_at == "inference":
                group, pool = self.undercuts, ix.named
            else:
                group, pool = (self.supports if words.polarity == "for" else self.attacks), ix.statements
            if inf.target in pool:
                group[inf.target].append(inf)
        for con in ix.contradictions:
            if con.left in ix.statements and con.right in ix.statements:
                for a, b in ((con.left, con.right), (con.right, con.left)):
                    if b not in self.contradicting[a]:
                        self.contradicting[a].append(b)


def view(ev: Evaluation) -> MapView:
    """The map view of an evaluation, built once."""
    found = ev.cache.get("view")
    if not isinstance(found, MapView):
        found = ev.cache["view"] = MapView(ev)
    return found


def name(inf: Inference) -> str:
    """How to refer to an inference in a sentence: its key (its id, or how it reads), quoted.

    Example:
        >>> name(Inference.attack(("o",), "t", shorthand=True)), name(Inference.support(("a", "b"), "c"))
        ('`o attacks t`', '`a + b supports c`')
    """
    return f"`{inf.key}`"


def explain(ev: Evaluation, ident: str, depth: int = 4) -> Explanation:
    """Explain a statement (by id) or an inference (by id or key), ``depth`` levels deep."""
    return _Explainer(ev, depth).explain(ident, ())


class _Explainer:
    def __init__(self, ev: Evaluation, depth: int) -> None:
        self.ev = ev
        self.view = view(ev)
        self.depth = depth
        self.done: set[str] = set()

    def status(self, ident: str) -> Status:
        return self.ev.status(ident)

    def explain(self, ident: str, path: tuple[str, ...]) -> Explanation:
        status = self.status(ident)
        if ident in self.done or ident in path:
            return Explanation(ident, status, self._again(ident, status, path))
        self.done.add(ident)
        if ident in self.view.statements:
            text, rests_on = self._statement(ident, status)
        else:
            text, rests_on = self._inference(self.view.inference[ident], status)
        if len(path) == 0 and self.ev.semantics != "grounded":
            text = self._extensions(ident, status) + text
        if len(path) + 1 >= self.depth:
            rests_on = []
        inner = (*path, ident)
        return Explanation(ident, status, text, tuple(self.explain(other, inner) for other in rests_on))

    def _again(self, ident: str, status: Status, path: tuple[str, ...]) -> str:
        label = self._label(ident)
        if ident in path and status is UNDECIDED:
            return f"{label} is UNDECIDED (see above: a circle of objections that nothing on the map settles)."
        return f"{label} is {status.name} (see above)."

    def _label(self, ident: str) -> str:
        inf = self.view.inference.get(ident) if ident not in self.view.statements else None
        return name(inf) if inf is not None else f"`{ident}`"

    def _extensions(self, ident: str, status: Status) -> str:
        ev = self.ev
        if ev.extensions == 0:
            return f"The map has no {ev.semantics} extension, so nothing is accepted. "
        many = f"{ev.extensions} {ev.semantics} extension{'s' if ev.extensions != 1 else ''}"
        if status is IN:
            return f"IN in all {many}. "
        if status is OUT:
            return f"OUT in all {many}. "
        return f"IN in some of the {many}, not in all. " if ev.credulous(ident) else f"IN in none of the {many}. "

    # -- Statements --

    def _statement(self, sid: str, status: Status) -> tuple[str, list[str]]:
        label = f"`{sid}`"
        forced = self.ev.scenario.why.get(sid)
        if forced is not None:
            return f"{label} is {status.name}: {forced}.", []
        if self.view.supports.get(sid):
            return self._concluded(sid, status)
        return self._premise(sid, status)

    def _premise(self, sid: str, status: Status) -> tuple[str, list[str]]:
        label = f"`{sid}`"
        objections = self._objections(sid)
        if status is IN:
            if not objections:
                return f"{label} is IN: taken as given, and nothing on the map speaks against it.", []
            return f"{label} is IN: taken as given, and {_against(objections)}.", _rests(objections)
        if status is OUT:
            winners = [p for p in _with(objections, IN) if not p.blocked]
            if winners:
                return f"{label} is OUT: undermined by {_noted(winners)}.", _rests(winners)
            return f"{label} is OUT.", _rests(objections)
        open_ = _with(objections, UNDECIDED)
        if not open_:
            return f"{label} is UNDECIDED.", _rests(objections)
        return f"{label} is UNDECIDED: taken as given, but {_phrases(open_)} {_is(open_)} UNDECIDED.", _rests(open_)

    def _concluded(self, sid: str, status: Status) -> tuple[str, list[str]]:
        label = f"`{sid}`"
        reasons = [(inf.key, name(inf), self.status(inf.key)) for inf in self.view.supports[sid]]
        objections = self._objections(sid)
        if status is IN:
            holding = [(k, n) for k, n, s in reasons if s is IN]
            if not holding:
                return f"{label} is IN, though no single reason holds in every extension.", [k for k, _, _ in reasons]
            text = f"{label} is IN: it follows from {_and(n for _, n in holding)}"
            others = [n for _, n, s in reasons if s is not IN]
            if others:
                text += f" (its other {_reason_word(others)} {_and(others)} {_is(others)} not IN)"
            text += f", and {_against(objections)}." if objections else "."
            return text, [k for k, _ in holding] + _rests(objections)
        if status is OUT:
            winners = [p for p in _with(objections, IN) if not p.blocked]
            if winners:
                return f"{label} is OUT: rebutted by {_noted(winners)}.", _rests(winners)
            if len(reasons) == 1:
                return f"{label} is OUT: its only reason, {reasons[0][1]}, fails.", [reasons[0][0]]
            return f"{label} is OUT: none of its reasons holds.", [k for k, _, _ in reasons]
        open_objections = _with(objections, UNDECIDED)
        open_reasons = [k for k, _, s in reasons if s is not OUT]
        if open_objections:
            text = f"{label} is UNDECIDED: {_phrases(open_objections)} {_is(open_objections)} UNDECIDED."
            return text, open_reasons + _rests(open_objections)
        return f"{label} is UNDECIDED: none of its reasons is settled.", open_reasons

    def _objections(self, sid: str) -> list[Point]:
        """The attacks on ``sid`` and the statements that contradict it."""
        found = [self._weighed(sid, self._point(inf), inf) for inf in self.view.attacks.get(sid, ())]
        for other in self.view.contradicting.get(sid, ()):
            point = Point(f"the contradicting statement `{other}`", self.status(other), (other,))
            found.append(self._weighed(sid, point, other))
        return found

    def _weighed(self, sid: str, point: Point, by: Inference | str) -> Point:
        """With preferences: the point noted with the preference that stopped it or let it defeat."""
        args = self.ev.arguments
        if args is None or sid not in self.view.statements:
            return point
        i = args.number(sid)
        if isinstance(by, str):
            attackers = args.concluding(args.number(by))
        else:
            position = self.view.position[id(by)]
            attackers = [a for a in args.concluding(len(args.sids) + i) if args.top[a] == position]
        attacked = [b for b in args.concluding(i) if args.attackable[b]]
        holds = [lab == 1 for lab in self.ev.labels[args.node : args.node + len(args)]]
        live = [a for a in attackers if holds[a]]
        if live and attacked and all(_weaker(args, a, b) for a in live for b in attacked):
            return attrs.evolve(point, note=_why(args, attacked[0], live[0]), blocked=True)  # no defeat at all
        for a in live:
            for b in (b for b in attacked if not holds[b]):
                if _weaker(args, b, a):
                    return attrs.evolve(point, note=_why(args, a, b))
        return point

    def _point(self, inf: Inference) -> Point:
        """An attack or undercut as a phrase. One without an id cannot itself be
        undercut or rejected, so it stands or falls with its premises: name those."""
        status = self.status(inf.key)
        if inf.id is not None:
            return Point(name(inf), status, (inf.key,))
        premises = [p for p in dict.fromkeys(inf.premises) if p in self.view.statements]
        phrase = f"`{' + '.join(inf.premises)}`"
        wanted = premises if status is IN else [p for p in premises if self.status(p) is status]
        return Point(phrase, status, tuple(wanted or premises))

    # -- Inferences --

    def _inference(self, inf: Inference, status: Status) -> tuple[str, list[str]]:
        label = name(inf)
        forced = self.ev.scenario.why.get(inf.key)
        premises = [(p, self.status(p)) for p in dict.fromkeys(inf.premises) if p in self.view.statements]
        if forced == "assumed":
            text = f"{label} is {status.name}: assumed to hold whatever is raised against it, given its premises."
            return text, [p for p, _ in premises]
        if forced is not None:
            return f"{label} is {status.name}: {forced}.", []
        undercuts = [self._point(u) for u in self.view.undercuts.get(inf.id or "", ())]
        if status is IN:
            names = [p for p, _ in premises]
            text = f"{label} is IN: its {_premise_word(names)} {_and(f'`{p}`' for p in names)} {_is(names)} IN"
            text += f", and {_fail(undercuts, 'undercut of it')}." if undercuts else ", and no objection defeats it."
            return text, names + _rests(undercuts)
        rebuttals = self._objections(inf.target) if INFERENCE_WORDS[inf.kind].polarity == "for" and inf.target else []
        parts, rests_on = self._failing(inf, status, premises, undercuts, rebuttals)
        if not parts:
            return f"{label} is {status.name}.", [p for p, _ in premises]
        return f"{label} is {status.name}: {'; '.join(parts)}.", rests_on

    def _failing(
        self,
        inf: Inference,
        status: Status,
        premises: list[tuple[str, Status]],
        undercuts: list[Point],
        rebuttals: list[Point],
    ) -> tuple[list[str], list[str]]:
        """What makes an inference OUT (or UNDECIDED): premises, undercuts, rebuttals."""
        out = status is OUT
        against = IN if out else UNDECIDED
        parts: list[str] = []
        rests_on: list[str] = []
        bad = [p for p, s in premises if s is status]
        if bad:
            parts.append(f"its {_premise_word(bad)} {_and(f'`{p}`' for p in bad)} {_is(bad)} {status.name}")
            rests_on += bad
        cuts = _with(undercuts, against)
        if cuts:
            parts.append(f"undercut by {_phrases(cuts)}" if out else f"the undercut by {_phrases(cuts)} is UNDECIDED")
            rests_on += _rests(cuts)
        rebut = [p for p in _with(rebuttals, against) if not p.blocked]
        if rebut:
            verb = "is rebutted by" if out else "faces"
            tail = "" if out else f", which {_is(rebut)} UNDECIDED"
            parts.append(f"its conclusion `{inf.target}` {verb} {_noted(rebut) if out else _phrases(rebut)}{tail}")
            rests_on += _rests(rebut)
        return parts, rests_on


@frozen
class Point:
    """An objection seen from what it targets: how to name it, its status, what explains it.

    With preferences, ``note`` says which preference decided it: why it fails
    although it holds (``blocked``), or why it defeats (its argument is
    strictly preferred to the one it attacks).
    """

    phrase: str
    status: Status
    rests_on: tuple[str, ...]
    note: str = ""
    blocked: bool = False


def _with(points: list[Point], status: Status) -> list[Point]:
    return [p for p in points if p.status is status]


def _rests(points: list[Point]) -> list[str]:
    return [ident for p in points for ident in p.rests_on]


def _phrases(points: list[Point]) -> str:
    return _and(p.phrase for p in points)


def _noted(points: list[Point]) -> str:
    """The phrases of objections that defeat, each with the preference that let it, if one did."""
    return _and(p.phrase + (f" (preferred: {p.note})" if p.note and not p.blocked else "") for p in points)


def _against(points: list[Point], what: str = "objection to it") -> str:
    """What fails against an element: the objections that fail, then those a preference stops."""
    fails = [p for p in points if not p.blocked]
    parts = [_fail(fails, what)] if fails else []
    parts += [f"{p.phrase} attacks it but {p.note}" for p in points if p.blocked]
    return "; ".join(parts)


def _fail(points: list[Point], what: str = "objection to it") -> str:
    """``every objection to it fails (`a` and `b`)``."""
    if all(p.status is OUT for p in points):
        return f"every {what} fails ({_phrases(points)})"
    return f"no {what} succeeds in every extension ({_phrases(points)})"


def _reason_word(items: list[str]) -> str:
    return "reason" if len(items) == 1 else "reasons"


def _premise_word(items: list[str]) -> str:
    return "premise" if len(items) == 1 else "premises"


def _is(items: list[Any]) -> str:
    return "is" if len(items) == 1 else "are"


def _and(items: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _weaker(args: Arguments, a: int, b: int) -> bool:
    """Argument ``a`` strictly weaker than argument ``b`` by the links compared."""
    links = args.compared
    return links is not None and bool(links.order) and links.weaker(args.links[a], args.links[b])


def _why(args: Arguments, stronger: int, weaker: int) -> str:
    """Why argument ``weaker`` is below ``stronger``: a link of each and the preferences between them."""
    links = args.compared
    assert links is not None
    order = links.order
    low, high = args.elements(weaker), args.elements(stronger)
    if not high:
        return f"what is assumed outweighs `{order.name(low[0])}`" if low else "what is assumed outweighs it"
    for x in low:
        above = [y for y in high if order.weaker(x, y)]
        if above and (not links.elitist or len(above) == len(high)):
            return order.reason(x, above[0])
    return f"`{order.name(high[0])}` outweighs `{order.name(low[0])}`"
