"""The machinery behind :func:`argmap.evaluate`: from a map to labels.

Data flows one way, and nothing here sees the syntax of a map:

1. :mod:`.whatif` resolves what-if questions (``assume``, ``reject``,
   ``distrust``) against the map's ids.
2. :mod:`.theory` reads the map as an ASPIC+ argumentation theory without
   preferences and compiles it to an equivalent flat assumption-based
   framework: a graph of assumptions, rules and literals. When the map (or a
   what-if) has preferences, :mod:`.preferences` reads their order and
   :mod:`.arguments` builds the ASPIC+ arguments and defeats themselves,
   into a graph of the same kinds.
3. :mod:`.grounded` labels that graph IN, OUT or UNDECIDED as a least
   fixpoint, in time roughly linear in the size of the map.
4. :mod:`.extensions` searches the part that grounded semantics leaves
   undecided for preferred and stable labellings.
5. :mod:`.critical` finds what a thesis rests on, and :mod:`.explain` says
   why each element has its status.
"""

#: The semantics argmap computes; grounded is the default.
SEMANTICS = ("grounded", "preferred", "stable")
#: How arguments are compared when the map has preferences; last-link is the default.
ORDERINGS = ("last-link", "weakest-link")
#: How sets of rules and premises are compared; elitist is the default.
COMPARISONS = ("elitist", "democratic")
