"""Every rule judges records that come out of the validation cache as it judges fresh ones.

A second ``wsg validate`` after one file changed takes the other records out of
``.wsg-cache/`` (unpickled) instead of parsing them again. Their text is then
equal to, but not the same object as, what the parser gives (its enumeration values
are interned strings): a rule that compared with ``is`` where it means ``==`` would
pass every cold test and miss findings on every warm run. Each rule's documented
examples run here cold, then warm after an unrelated file changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_TODAY, make_dataset
from wsg import dataset, engine
from wsg.cache import FileCache
from wsg.ruledocs import Example, examples
from wsg.rules import FILE_RULES, RULES

CASES = [
    pytest.param(rule_id, example, id=f"{rule_id}-{'pass' if example.passing else 'fail'}{n}")
    for rule_id, rule in RULES.items()
    if rule_id not in FILE_RULES and rule.check is not None
    for n, example in enumerate(examples(rule.doc))
]
UNRELATED = "data/groups/tsag.yaml"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("WSG_NO_CACHE", raising=False)


def findings(data: Path) -> tuple[list[tuple[str, int, int]], int]:
    """The findings of a cached run, and how many records came out of the cache."""
    cache = FileCache.for_dataset(data)
    assert cache is not None
    restored = 0
    restore = cache.restore

    def counting(source: dataset.SourceFile) -> bool:
        nonlocal restored
        done = restore(source)
        restored += done
        return done

    cache.restore = counting  # type: ignore[method-assign]
    found = engine.check(dataset.load(data, EXAMPLES_TODAY, cache))
    return [(f.rule, f.line, f.column) for f in found], restored


@pytest.mark.parametrize(("rule_id", "example"), CASES)
def test_example_behaves_the_same_on_a_warm_cache(
    tmp_path: Path, rule_id: str, example: Example
) -> None:
    data = make_dataset(tmp_path, {example.path: example.text})
    expected = [] if example.passing else [(rule_id, example.line, example.column)]
    cold, restored = findings(data)
    assert (cold, restored) == (expected, 0)
    unrelated = tmp_path / UNRELATED
    unrelated.write_text(unrelated.read_text() + "# an unrelated change\n")
    warm, restored = findings(data)
    assert restored == len(list(data.rglob("*.yaml"))) - 1  # all but the changed one
    assert warm == expected
