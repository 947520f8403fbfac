"""Write a realistic synthetic .argmap map to stdout.

Usage:
    python benchmarks/generate.py --statements 10000 [--seed 1] [--preferences] > big.argmap

The map has the shape of real reconstructions: theses, each backed by
sections of claims and evidence; evidence cites declared sources and actors;
reasons are linked (2-3 premises) or single and several reasons converge on
one conclusion; objections attack conclusions (rebuttals) and premises
(underminings), undercut inferences, attacks and undercuts; some accounts
contradict each other. Every statement is connected to a thesis and every
reference resolves, so ``argmap check`` reports nothing.

``--preferences`` adds a preference order on top of the same map (the other
lines are unchanged): ranks 1 to 3 on about a third of the sources and
actors, and ``outweighs`` lines between about one attack in four and what
it attacks, one way or the other (undercuts always defeat: no preference
decides them).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator

WORDS = [
    "talks",
    "ceasefire",
    "treaty",
    "neutrality",
    "guarantee",
    "delegation",
    "mediator",
    "proposal",
    "concession",
    "border",
    "army",
    "sanctions",
    "report",
    "interview",
    "statement",
    "official",
    "source",
    "draft",
    "agreement",
    "vaccine",
    "trial",
    "dose",
    "effect",
    "cohort",
    "placebo",
    "emissions",
    "tax",
    "price",
    "market",
    "policy",
    "budget",
    "study",
    "sample",
    "bias",
    "replication",
    "model",
    "forecast",
    "survey",
    "witness",
    "record",
    "memo",
    "timeline",
]
SCHEMES = ("testimony", "expert opinion", "analogy", "pattern", "cause to effect", "sign")
SECTION_SIZE = 40


def sentence(rng: random.Random, index: int) -> str:
    words = rng.sample(WORDS, rng.randint(6, 14))
    words[0] = words[0].capitalize()
    return f"{' '.join(words)} (#{index})."


class Generator:
    """Builds the map text section by section."""

    def __init__(self, statements: int, seed: int, preferences: bool = False) -> None:
        self.rng = random.Random(seed)
        self.prefs = random.Random(seed + 1) if preferences else None  # its own stream: the map is otherwise the same
        self.pending: list[tuple[str, str]] = []  # (attacker: objection or attack rule, attacked statement)
        self.reasons: dict[str, list[str]] = {}  # statement -> the arguments concluding it
        self.total = statements
        self.count = 0
        self.rules = 0
        self.n_sources = max(2, statements // 50)
        self.n_actors = max(2, statements // 40)
        self.used_sources: set[int] = set()
        self.used_actors: set[int] = set()

    def new_id(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def new_rule(self, prefix: str) -> str:
        self.rules += 1
        return f"{prefix}{self.rules}"

    def lines(self) -> Iterator[str]:
        yield f'title "Synthetic map of {self.total} statements"'
        yield 'author "benchmarks/generate.py"'
        yield ""
        body: list[str] = []
        theses = max(1, self.total // 400)
        thesis_ids = []
        for _ in range(theses):
            tid = self.new_id("t")
            thesis_ids.append(tid)
            body.append(f'thesis {tid} "{sentence(self.rng, self.count)}"')
        section = 0
        while self.count < self.total:
            section += 1
            size = min(SECTION_SIZE, self.total - self.count)
            body.append(f'section s{section} "Part {section}" {{')
            body.extend("  " + line for line in self.section(self.rng.choice(thesis_ids), size))
            body.append("}")
        for i in range(self.n_sources):
            if i in self.used_sources:
                date = f"2023-0{1 + i % 9}-1{i % 10}"
                yield f'source src{i} "Report {i}" {{ date: {date}, url: "https://example.org/{i}"{self.rank()} }}'
        for i in range(self.n_actors):
            if i in self.used_actors:
                yield f'actor act{i} "Person {i}" {{ role: "official"{self.rank()} }}'
        yield ""
        yield from body
        yield from self.outweighs()

    def rank(self) -> str:
        """With --preferences, a rank for about a third of the sources and actors."""
        if self.prefs is None or self.prefs.random() >= 1 / 3:
            return ""
        return f", rank: {self.prefs.randint(1, 3)}"

    def outweighs(self) -> Iterator[str]:
        """With --preferences, about one attack in four outweighs what it attacks or is outweighed by it.

        A side is the objection (or the named attack), and the attacked premise
        or else the first argument concluding the attacked statement, so that
        every preference decides a conflict.
        """
        if self.prefs is None:
            return
        for attacker, target in self.pending:
            if self.prefs.random() >= 0.25 or attacker in self.reasons:
                continue
            attacked = self.reasons[target][0] if target in self.reasons else target
            pair = (attacker, attacked) if self.prefs.random() < 0.5 else (attacked, attacker)
            yield f"{pair[0]} outweighs {pair[1]}"

    def section(self, thesis: str, size: int) -> Iterator[str]:
        rng = self.rng
        root = self.new_id("c")
        yield f'claim {root} "{sentence(rng, self.count)}"'
        yield f"{root} supports {thesis}"
        conclusions = [root]  # statements that may receive reasons
        premises: list[str] = []  # statements used as premises (undermining targets)
        inferences: list[str] = []
        budget = size - 1
        while budget > 0:
            roll = rng.random()
            if roll < 0.55 or not premises:
                k = min(budget, rng.choice((1, 1, 2, 2, 3)))
                target = rng.choice(conclusions)
                ids = [self.new_id("e" if rng.random() < 0.5 else "c") for _ in range(k)]
                for pid in ids:
                    yield self.statement(pid)
                budget -= k
                name = self.new_rule("a")
                scheme = rng.choice(SCHEMES)
                yield f'argument {name}: {" + ".join(ids)} => {target} {{ scheme: "{scheme}" }}'
                self.reasons.setdefault(target, []).append(name)
                inferences.append(name)
                conclusions.extend(i for i in ids if i.startswith("c"))
                premises.extend(ids)
            elif roll < 0.75:
                oid = self.new_id("o")
                yield f'objection {oid} "{sentence(rng, self.count)}"'
                budget -= 1
                target = rng.choice(premises if rng.random() < 0.5 else conclusions)
                if rng.random() < 0.3:
                    name = self.new_rule("x")
                    yield f"attack {name}: {oid} => {target}"
                    inferences.append(name)
                    self.pending.append((name, target))
                else:
                    yield f"{oid} attacks {target}"
                    self.pending.append((oid, target))
                conclusions.append(oid)
            elif roll < 0.9 and inferences:
                oid = self.new_id("o")
                yield f'objection {oid} "{sentence(rng, self.count)}"'
                budget -= 1
                name = self.new_rule("u")
                yield f"undercut {name}: {oid} => {rng.choice(inferences)}"
                inferences.append(name)
            else:
                left = rng.choice(premises)
                eid = self.new_id("e")
                yield self.statement(eid)
                budget -= 1
                yield f"{eid} contradicts {left}"

    def statement(self, sid: str) -> str:
        rng = self.rng
        text = sentence(rng, self.count)
        if sid.startswith("c"):
            return f'claim {sid} "{text}"'
        src = rng.randrange(self.n_sources)
        act = rng.randrange(self.n_actors)
        self.used_sources.add(src)
        self.used_actors.add(act)
        date = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}"
        return f'evidence {sid} "{text}" {{ by: act{act}, source: src{src}, date: {date} }}'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, required=True, help="number of statements")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--preferences", action="store_true", help="add ranks and outweighs lines")
    args = parser.parse_args(argv)
    out = sys.stdout
    for line in Generator(args.statements, args.seed, args.preferences).lines():
        out.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
