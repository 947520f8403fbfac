"""The preference order of a map: ``outweighs`` lines and ranks, as one preorder.

Elements are inferences (by their position in ``index(m).inferences``) and
statements taken as premises (by id). ``a outweighs b`` says ``b < a``; ranks
say ``x <= y`` when ``rank(x) <= rank(y)``. A statement without a rank takes
its source's rank, else its speaker's; an inference takes its actor's. The
preorder is the transitive closure of both, and ``x < y`` holds when
``x <= y`` and not ``y <= x``.

Example:
    >>> import argmap
    >>> from argmap.model.index import index
    >>> m = argmap.loads('claim a "A" { rank: 1 }  claim b "B" { rank: 2 }  claim c "C"  c outweighs b')
    >>> order = Preferences(index(m), ())
    >>> order.weaker("a", "b"), order.weaker("b", "c"), order.weaker("a", "c"), order.weaker("c", "a")
    (True, True, True, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from argmap.model import Inference, Statement
from argmap.model.index import MapIndex

#: An element of the order: an inference's position, or a statement's id.
Key = int | str


class Preferences:
    """The strict preference ``x < y`` between inferences and premises of one map."""

    def __init__(self, ix: MapIndex, extra: Iterable[tuple[str, str]]) -> None:
        """Read ranks and ``outweighs`` lines, plus ``extra`` pairs ``(stronger, weaker)`` (what-ifs)."""
        position = {inf.id: p for p, inf in reversed(list(enumerate(ix.inferences))) if inf.id is not None}
        self.rank: dict[Key, int] = {}
        for sid, st in ix.statements.items():
            found = _rank(st, ix)
            if found is not None:
                self.rank[sid] = found
        for p, inf in enumerate(ix.inferences):
            found = _rank(inf, ix)
            if found is not None:
                self.rank[p] = found
        self.above: dict[Key, list[Key]] = defaultdict(list)  # weaker -> stronger, written
        pairs = [(pref.stronger, pref.weaker) for pref in ix.preferences]
        for stronger, weaker in [*pairs, *extra]:
            a, b = _key(stronger, ix, position), _key(weaker, ix, position)
            if a is not None and b is not None:
                self.above[b].append(a)
        self._reach: dict[Key, set[Key]] = {}
        self._levels = sorted(set(self.rank.values()))

    def __bool__(self) -> bool:
        """Whether any preference is written at all."""
        return bool(self.rank) or bool(self.above)

    def at_most(self, x: Key, y: Key) -> bool:
        """``x <= y``."""
        if x == y:
            return True
        if not self.above:
            rx, ry = self.rank.get(x), self.rank.get(y)
            return rx is not None and ry is not None and rx <= ry
        return self._node(y) in self._reachable(x) or (y in self.rank and ("level", self.rank[y]) in self._reachable(x))

    def weaker(self, x: Key, y: Key) -> bool:
        """``x < y``: ``y`` is strictly preferred."""
        return x != y and self.at_most(x, y) and not self.at_most(y, x)

    def _node(self, x: Key) -> object:
        return x

    def _reachable(self, x: Key) -> set[object]:
        found = self._reach.get(x)
        if found is None:
            found = self._reach[x] = self._closure(x)  # type: ignore[assignment]
        return found  # type: ignore[return-value]

    def _closure(self, start: Key) -> set[object]:
        """Every element and rank level at or above ``start``."""
        seen: set[object] = {start}
        todo: list[object] = [start]
        while todo:
            v = todo.pop()
            for w in self._steps(v):
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return seen

    def _steps(self, v: object) -> list[object]:
        if isinstance(v, tuple):  # a rank level: the next level up, and the written elements at this level
            level = v[1]
            i = self._levels.index(level)
            out: list[object] = [("level", self._levels[i + 1])] if i + 1 < len(self._levels) else []
            out.extend(k for k in self.above if self.rank.get(k) == level)
            out.extend(k for ks in self.above.values() for k in ks if self.rank.get(k) == level)
            return out
        out = list(self.above.get(v, ()))  # type: ignore[call-overload]
        if v in self.rank:
            out.append(("level", self.rank[v]))
        return out


def _rank(element: Statement | Inference, ix: MapIndex) -> int | None:
    """The element's rank, or the rank it inherits from its source or speaker."""
    candidates = [element.rank]
    if isinstance(element, Statement) and element.source in ix.sources:
        candidates.append(ix.sources[element.source].rank)
    if element.by in ix.actors:
        candidates.append(ix.actors[element.by].rank)
    for value in candidates:
        if value is not None and value.isascii() and value.isdigit():
            return int(value)
    return None


def _key(ident: str, ix: MapIndex, position: dict[str, int]) -> Key | None:
    if ident in ix.statements:
        return ident
    return position.get(ident)


def weaker_set(order: Preferences, a: frozenset[Key], b: frozenset[Key], elitist: bool) -> bool:
    """``a`` strictly weaker than ``b`` as sets (Modgil and Prakken's elitist or democratic comparison)."""
    if not a:
        return False
    if not b:
        return True
    if elitist:
        return any(all(order.weaker(x, y) for y in b) for x in a)
    return all(any(order.weaker(x, y) for y in b) for x in a)
