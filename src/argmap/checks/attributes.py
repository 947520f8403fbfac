"""Attribute values: dates, URLs, ids, and attributes the language does not know."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from argmap.language import assert_never, is_id
from argmap.links import safe_url
from argmap.model import ArgumentMap, AttributeField, Element, Span, attribute_fields, element_name
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex
from argmap.suggest import did_you_mean
from argmap.syntax.values import SCHEMAS

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
SAFE_SCHEMES = ("http", "https", "mailto")


@lru_cache(maxsize=4096)
def is_date(value: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` naming a real day or month."""
    match = _DATE.match(value)
    if not match:
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        datetime.date(year or 1, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def is_safe_url(value: str) -> bool:
    """True for http(s) URLs with a host and for mailto: addresses that the renderer links.

    The renderer's own filter (:func:`argmap.links.safe_url`) has the last word,
    so that a URL the checker accepts is never silently dropped from a picture.

    Example:
        >>> is_safe_url("https://example.org/a b"), is_safe_url("mailto:a@b.org"), is_safe_url("https:x")
        (False, True, False)
    """
    if safe_url(value) is None:
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return False
    return bool(parts.netloc) if parts.scheme.lower() != "mailto" else bool(parts.path)


def values(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E130, E131, E133: dates, URLs and id-valued attributes."""
    if m.date is not None and not is_date(m.date):
        yield _bad_date(m.date, dict(m.header_spans).get("date"))
    for element in ix.elements:
        for attribute in attribute_fields(type(element)):
            value = getattr(element, attribute.name)
            if value is None or isinstance(value, tuple):
                continue
            problem = _check_value(element, attribute, value)
            if problem is not None:
                yield problem


def _check_value(element: Element, attribute: AttributeField, value: str) -> Diagnostic | None:
    """The problem with one attribute value of its form, or None."""
    key = attribute.name
    match attribute.form:
        case "date":
            return None if is_date(value) else _bad_date(value, element.span_of(f"attr:{key}"))
        case "url":
            if is_safe_url(value):
                return None
            return Diagnostic.make(
                "E131",
                f'expected an http, https or mailto URL, found "{_short(value)}"',
                element.span_of(f"attr:{key}"),
                "other schemes (javascript:, file:, data:) are refused so that rendered maps are safe",
            )
        case "ref":
            if is_id(value):
                return None
            what = f"{_article(attribute.refers_to or 'element')} {attribute.refers_to or 'element'}"
            return Diagnostic.make(
                "E133",
                f'`{key}` expects {what} id, found the text "{_short(value)}"',
                element.span_of(f"attr:{key}"),
                f"declare {what} and refer to it by its id, e.g. `{key}: some_id`",
            )
        case "number":
            if value.isascii() and value.isdigit():
                return None
            return Diagnostic.make(
                "E133",
                f'`{key}` expects a whole number, found "{_short(value)}"',
                element.span_of(f"attr:{key}"),
                f"for example `{key}: 2`; a higher rank weighs more",
            )
        case "name" | "text" | "list":
            return None
        case _:
            assert_never(attribute.form)


def _bad_date(value: str, span: Span | None) -> Diagnostic:
    out_of_range = _out_of_range(value)
    if out_of_range is not None:
        return Diagnostic.make("E130", f'"{value}" is not a date: {out_of_range}', span, "for example 2023-02-02")
    return Diagnostic.make(
        "E130",
        f'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "{_short(value)}"',
        span,
        "for example 2023, 2023-02 or 2023-02-02",
    )


def _out_of_range(value: str) -> str | None:
    """Which part of a date of the right form names no month or day, or None.

    Example:
        >>> _out_of_range("2023-13-45"), _out_of_range("2023-02-30"), _out_of_range("2023-02")
        ('month 13 is out of range (01 to 12)', 'day 30 is out of range (February 2023 has 28 days)', None)
    """
    import calendar

    match = _DATE.match(value)
    if not match or match.group(2) is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return f"month {month} is out of range (01 to 12)"
    if match.group(3) is None or year < 1:
        return None
    day, days = int(match.group(3)), calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"day {day} is out of range ({calendar.month_name[month]} {year} has {days} days)"
    return None


def extras(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E132, E133, E134: header lines and attributes kept because they did not fit."""
    spans = dict(m.header_spans)
    for i, (key, _) in enumerate(m.header_extra):
        yield Diagnostic.make(
            "E134",
            f"the map's `{key}` is given twice",
            spans.get(f"{key}:{i}"),
            "keep one of them",
            (Related(spans.get(key), "first given here"),),
        )
    for element in ix.elements:
        if not element.extra:
            continue
        schema = element_name(type(element))
        known = SCHEMAS[schema]
        for i, (key, value) in enumerate(element.extra):
            span = element.span_of(f"extra:{i}")
            form = known.get(key)
            if form is None:
                hint = did_you_mean(key, known) or f"{_article(schema)} {schema} has: {', '.join(known)}"
                yield Diagnostic.make("E132", f"unknown attribute `{key}` for {_article(schema)} {schema}", span, hint)
            elif isinstance(value, tuple) and form != "list":
                yield Diagnostic.make(
                    "E133", f"`{key}` expects a single value, found a list", span, "remove the square brackets"
                )
            else:
                yield Diagnostic.make("E134", f"attribute `{key}` is given twice", span, "keep one of them")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
