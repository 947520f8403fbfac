"""The preference order of a map: ``outweighs`` lines and ranks, as one preorder.

Elements are inferences (by their position in ``index(m).inferences``) and
statements taken as premises (by id). ``a outweighs b`` says ``b < a``; ranks
say ``x <= y`` when ``rank(x) <= rank(y)``. A statement without a rank takes
its source's rank, else its speaker's; an inference takes its actor's. The
preorder is the transitive closure of both, and ``x < y`` holds when
``x <= y`` and not ``y <= x``.

**How it is decided quickly.** The order is a graph: one node per rank level
(level ``i`` below level ``i + 1``), one per element named in a preference
(tied both ways to its level if it has a rank); a ranked element named in no
preference is its level. Its strongly connected components are classes of
equal elements. Every path that passes a level runs up the chain of levels,
so ``x <= y`` holds exactly when the lowest level ``x`` reaches is at or
below the highest level that reaches ``y``, or when a path without levels
leads from ``x`` to ``y`` (found once per class and remembered). Both
numbers are computed once for every class, in topological order, so a
comparison costs a lookup, however many ranked elements a map has.

Example:
    >>> import argmap
    >>> from argmap.model.index import index
    >>> m = argmap.loads('claim a "A" { rank: 1 }  claim b "B" { rank: 2 }  claim c "C"  c outweighs b')
    >>> order = Preferences(index(m), ())
    >>> order.weaker("a", "b"), order.weaker("b", "c"), order.weaker("a", "c"), order.weaker("c", "a")
    (True, True, True, False)
    >>> order.reason("a", "c")
    '`c` outweighs `b` (written at <text>:1:64), `b` (rank 2) outweighs `a` (rank 1)'
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Collection, Iterable

from attrs import frozen

from argmap.model import Actor, Inference, Preference, Source, Statement
from argmap.model.index import MapIndex

#: An element of the order: an inference's position, or a statement's id.
Key = int | str
_NONE = -1


@frozen
class Written:
    """One preference as read: ``weaker < stronger``, the line it was written on (None: a what-if), its position."""

    stronger: Key
    weaker: Key
    line: Preference | None
    side: int


@frozen
class RankOrigin:
    """Where an element's rank comes from.

    Attributes:
        rank: the rank.
        kind: ``"own"`` (written on the element), ``"source"`` or ``"actor"`` (inherited).
        party: the id of the source or actor it is inherited from; None for its own.
        written: where the ``rank:`` is written (``path:line:col``), when known.
    """

    rank: int
    kind: str
    party: str | None
    written: str | None

    def __str__(self) -> str:
        where = f" at {self.written}" if self.written else ""
        if self.party is None:
            return f"rank {self.rank} of its own{where}"
        return f"rank {self.rank} from {self.kind} `{self.party}`{where}"

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {"rank": self.rank, "from": self.kind, "party": self.party, "written": self.written}


_INF = 1 << 60


class Preferences:
    """The strict preference ``x < y`` between inferences and premises of one map."""

    def __init__(self, ix: MapIndex, extra: Iterable[tuple[str, str]], reverse: Collection[int] = ()) -> None:
        """Read ranks and ``outweighs`` lines, plus ``extra`` pairs ``(stronger, weaker)`` (what-ifs).

        ``reverse`` lists preferences to read the other way round, by position
        among the map's ``outweighs`` lines followed by the ``extra`` pairs.
        """
        position = {inf.id: p for p, inf in reversed(list(enumerate(ix.inferences))) if inf.id is not None}
        self._inferences = ix.inferences
        self._ix = ix
        self.rank: dict[Key, int] = {}
        for sid, st in ix.statements.items():
            found = _rank(st, ix)
            if found is not None:
                self.rank[sid] = found
        for p, inf in enumerate(ix.inferences):
            found = _rank(inf, ix)
            if found is not None:
                self.rank[p] = found
        #: Each preference that names two elements, as read (a reversed one: reversed).
        self.written: list[Written] = []
        sides: list[tuple[str, str, Preference | None]] = [(p.stronger, p.weaker, p) for p in ix.preferences]
        sides += [(stronger, weaker, None) for stronger, weaker in extra]
        for i, (stronger, weaker, pref) in enumerate(sides):
            a, b = _key(stronger, ix, position), _key(weaker, ix, position)
            if a is not None and b is not None:
                self.written.append(Written(b, a, pref, i) if i in reverse else Written(a, b, pref, i))
        self._levels = sorted(set(self.rank.values()))
        self._build()

    def reversing(self, side: int) -> Preferences:
        """The same order with preference ``side`` read the other way round (the ranks are not read again)."""
        other = copy.copy(self)
        other.written = [Written(w.weaker, w.stronger, w.line, w.side) if w.side == side else w for w in self.written]
        other._build()
        return other

    def adding(self, stronger: Key, weaker: Key) -> Preferences:
        """The same order with ``stronger outweighs weaker`` added, as a ``--prefer`` what-if would add it."""
        other = copy.copy(self)
        other.written = [*self.written, Written(stronger, weaker, None, -1)]
        other._build()
        return other

    def origin(self, x: Key) -> RankOrigin | None:
        """Where the rank of ``x`` comes from (None: ``x`` has no rank)."""
        element = self._ix.statements[x] if isinstance(x, str) else self._inferences[x]
        return rank_origin(element, self._ix)

    def __bool__(self) -> bool:
        """Whether any preference is written at all."""
        return bool(self.rank) or bool(self.written)

    def name(self, x: Key) -> str:
        """An element as a sentence names it: a statement's id, an inference's key."""
        return x if isinstance(x, str) else self._inferences[x].key

    def cls(self, x: Key) -> int:
        """The class of equal elements ``x`` belongs to, or -1 when no preference mentions it."""
        return self._class.get(x, _NONE)

    def at_most(self, x: Key, y: Key) -> bool:
        """``x <= y``."""
        if x == y:
            return True
        return self.class_at_most(self.cls(x), self.cls(y))

    def weaker(self, x: Key, y: Key) -> bool:
        """``x < y``: ``y`` is strictly preferred."""
        return self.class_weaker(self.cls(x), self.cls(y))

    def class_at_most(self, a: int, b: int) -> bool:
        """Every element of class ``a`` is at most every element of class ``b``."""
        if a == _NONE or b == _NONE:
            return False
        if a == b or self._low[a] <= self._high[b]:
            return True
        return b in self._plain_reach(a)

    def class_weaker(self, a: int, b: int) -> bool:
        """The elements of class ``a`` are strictly below those of class ``b`` (classes are never equal)."""
        return a != b and self.class_at_most(a, b)

    # -- Explaining a comparison --

    def reason(self, x: Key, y: Key) -> str:
        """Why ``x < y``, in words: the preferences and ranks on a shortest path from ``x`` up to ``y``."""
        steps = self._path(x, y)
        return ", ".join(steps) if steps else f"`{self.name(y)}` outweighs `{self.name(x)}`"

    def _path(self, x: Key, y: Key) -> list[str]:
        """The steps of a shortest path from ``x`` to ``y`` through written pairs and ranks, in words."""
        up: dict[Key, list[tuple[Key, str]]] = defaultdict(list)
        for w in self.written:
            pref = w.line
            where = f"written at {pref.span}" if pref is not None and pref.span is not None else "a what-if"
            up[w.weaker].append((w.stronger, f"`{self.name(w.stronger)}` outweighs `{self.name(w.weaker)}` ({where})"))
        came: dict[Key, tuple[Key, str] | None] = {x: None}
        todo = [x]
        while todo:
            nxt: list[Key] = []
            for v in todo:
                if v == y:
                    return self._unwind(came, y)
                steps = list(up.get(v, ()))
                if v in self.rank:
                    for k in (y, *(e.stronger for e in self.written), *(e.weaker for e in self.written)):
                        if k != v and k in self.rank and self.rank[k] >= self.rank[v]:
                            steps.append((k, self._by_rank(k, v)))
                for k, why in steps:
                    if k not in came:
                        came[k] = (v, why)
                        nxt.append(k)
            todo = nxt
        return []

    def _by_rank(self, stronger: Key, weaker: Key) -> str:
        verb = "outweighs" if self.rank[stronger] > self.rank[weaker] else "ranks as high as"
        return (
            f"`{self.name(stronger)}` (rank {self.rank[stronger]}) {verb} `{self.name(weaker)}` "
            f"(rank {self.rank[weaker]})"
        )

    @staticmethod
    def _unwind(came: dict[Key, tuple[Key, str] | None], y: Key) -> list[str]:
        steps = []
        step = came[y]
        while step is not None:
            steps.append(step[1])
            step = came[step[0]]
        return steps

    # -- The condensed order --

    def _build(self) -> None:
        """Number the nodes, find the classes, and the lowest and highest level of each."""
        level_node = {r: i for i, r in enumerate(self._levels)}
        node: dict[Key, int] = {}
        edges: list[list[int]] = [[i + 1] if i + 1 < len(self._levels) else [] for i in range(len(self._levels))]
        for pair in self.written:
            stronger, weaker = pair.stronger, pair.weaker
            for k in (stronger, weaker):
                if k not in node:
                    node[k] = len(edges)
                    edges.append([])
                    if k in self.rank:
                        lv = level_node[self.rank[k]]
                        edges[node[k]].append(lv)
                        edges[lv].append(node[k])
            edges[node[weaker]].append(node[stronger])
        component = _components(edges)
        count = max(component, default=-1) + 1
        self._class: dict[Key, int] = {k: component[level_node[r]] for k, r in self.rank.items()}
        self._class.update((k, component[v]) for k, v in node.items())
        succ: list[set[int]] = [set() for _ in range(count)]
        for v, ws in enumerate(edges):
            for w in ws:
                if component[v] != component[w]:
                    succ[component[v]].add(component[w])
        self._succ = [sorted(s) for s in succ]
        self._is_level = [False] * count
        low, high = [_INF] * count, [-1] * count
        for i in range(len(self._levels)):
            c = component[i]
            self._is_level[c] = True
            low[c], high[c] = min(low[c], i), max(high[c], i)
        order = _topological(self._succ)
        for c in reversed(order):  # successors first
            for d in self._succ[c]:
                low[c] = min(low[c], low[d])
        for c in order:  # predecessors first
            for d in self._succ[c]:
                high[d] = max(high[d], high[c])
        self._low, self._high = low, high
        self._plain: dict[int, set[int]] = {}

    def _plain_reach(self, a: int) -> set[int]:
        """The classes reachable from class ``a`` without passing a rank level."""
        found = self._plain.get(a)
        if found is None:
            found = set()
            todo = [a]
            while todo:
                for d in self._succ[todo.pop()]:
                    if d not in found and not self._is_level[d]:
                        found.add(d)
                        todo.append(d)
            self._plain[a] = found
        return found


def _components(edges: list[list[int]]) -> list[int]:
    """The strongly connected component of each node (iterative Tarjan), numbered from 0."""
    n = len(edges)
    order, low, component = [-1] * n, [0] * n, [-1] * n
    stack: list[int] = []
    on_stack = [False] * n
    counter = count = 0
    for root in range(n):
        if order[root] >= 0:
            continue
        work = [(root, 0)]
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, i = work[-1]
            if i < len(edges[v]):
                work[-1] = (v, i + 1)
                w = edges[v][i]
                if order[w] < 0:
                    order[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], order[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == order[v]:
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    component[w] = count
                    if w == v:
                        break
                count += 1
    return component


def _topological(succ: list[list[int]]) -> list[int]:
    """The classes in an order where every edge points forward (Kahn's algorithm)."""
    indegree = [0] * len(succ)
    for ds in succ:
        for d in ds:
            indegree[d] += 1
    queue = [c for c in range(len(succ)) if indegree[c] == 0]
    out = []
    while queue:
        c = queue.pop()
        out.append(c)
        for d in succ[c]:
            indegree[d] -= 1
            if indegree[d] == 0:
                queue.append(d)
    return out


def rank_origin(element: Statement | Inference, ix: MapIndex) -> RankOrigin | None:
    """The element's rank and where it comes from: its own, else its source's, else its speaker's; None if unranked."""
    candidates: list[tuple[str, Statement | Inference | Source | Actor]] = [("own", element)]
    if isinstance(element, Statement) and element.source in ix.sources:
        candidates.append(("source", ix.sources[element.source]))
    if element.by in ix.actors:
        candidates.append(("actor", ix.actors[element.by]))
    for kind, holder in candidates:
        value = holder.rank
        if value is not None and value.isascii() and value.isdigit():
            span = holder.span_of("attr:rank")
            party = None if kind == "own" else holder.id
            return RankOrigin(int(value), kind, party, None if span is None else str(span))
    return None


def _rank(element: Statement | Inference, ix: MapIndex) -> int | None:
    """The element's rank, or the rank it inherits from its source or speaker (as :func:`rank_origin`, kept lean:
    it runs for every element of a map)."""
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
    """A statement's id as it is; an inference's id, key or older spelling as its position."""
    if ident in ix.statements:
        return ident
    found = position.get(ident)
    if found is None:
        inference = ix.inference(ident)
        if inference is not None:
            found = next(p for p, inf in enumerate(ix.inferences) if inf is inference)
    return found


class Links:
    """Sets of links (the premises and rules an argument is compared by), reduced and numbered.

    Only some members of a set decide a comparison: under the elitist
    comparison (``A ◁ B`` when some ``x`` in ``A`` is below every ``y`` in
    ``B``) the minimal classes of each set, under the democratic one (every
    ``x`` in ``A`` below some ``y`` in ``B``) the maximal ones; and an
    element that no preference mentions is below nothing. So a set is kept as
    ``(has such an element, its minimal or maximal classes)``, sets with the
    same reduction share one number, and each pair of numbers is compared
    once. A weakest-link set then costs its few deciding classes, not every
    rule of a long argument.
    """

    EMPTY = 0

    def __init__(self, order: Preferences, elitist: bool) -> None:
        self.order = order
        self.elitist = elitist
        self._number: dict[tuple[bool, tuple[int, ...]], int] = {(False, ()): 0}
        self.sets: list[tuple[bool, tuple[int, ...]]] = [(False, ())]
        self._merged: dict[tuple[int, int], int] = {}
        self._weaker: dict[tuple[int, int], bool] = {}
        self._single: dict[int, int] = {}

    def of(self, keys: Iterable[Key]) -> int:
        """The number of the set of these elements."""
        if isinstance(keys, tuple) and len(keys) == 1:  # most sets: one premise or one rule, by its class
            c = self.order.cls(keys[0])
            found = self._single.get(c)
            if found is None:
                found = self._single[c] = self._intern(c < 0, {c} if c >= 0 else set())
            return found
        loose = False
        classes: set[int] = set()
        for k in keys:
            c = self.order.cls(k)
            if c < 0:
                loose = True
            else:
                classes.add(c)
        return self._intern(loose, classes)

    def union(self, a: int, b: int) -> int:
        """The number of the union of two sets."""
        if a == b or b == self.EMPTY:
            return a
        if a == self.EMPTY:
            return b
        key = (a, b) if a < b else (b, a)
        found = self._merged.get(key)
        if found is None:
            (la, ca), (lb, cb) = self.sets[a], self.sets[b]
            found = self._merged[key] = self._intern(la or lb, {*ca, *cb})
        return found

    def weaker(self, a: int, b: int) -> bool:
        """Set ``a`` strictly weaker than set ``b`` (an empty set is never weaker; all are weaker than it)."""
        if a == self.EMPTY:
            return False
        if b == self.EMPTY:
            return True
        key = (a, b)
        found = self._weaker.get(key)
        if found is None:
            found = self._weaker[key] = self._compare(a, b)
        return found

    def _compare(self, a: int, b: int) -> bool:
        (la, ca), (lb, cb) = self.sets[a], self.sets[b]
        below = self.order.class_weaker
        if self.elitist:
            return not lb and any(all(below(x, y) for y in cb) for x in ca)
        return not la and all(any(below(x, y) for y in cb) for x in ca)

    def _intern(self, loose: bool, classes: set[int]) -> int:
        key = (loose, self._extremes(classes))
        found = self._number.get(key)
        if found is None:
            found = self._number[key] = len(self.sets)
            self.sets.append(key)
        return found

    def _extremes(self, classes: set[int]) -> tuple[int, ...]:
        """The minimal classes (elitist) or the maximal ones (democratic)."""
        if len(classes) <= 1:
            return tuple(classes)
        below = self.order.class_weaker
        if self.elitist:
            return tuple(sorted(c for c in classes if not any(below(d, c) for d in classes)))
        return tuple(sorted(c for c in classes if not any(below(c, d) for d in classes)))
