"""The code blocks of the README's Python section run as written."""

import re

import pytest
from conftest import CORPUS

README = CORPUS.parent / "README.md"


def python_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_section_has_examples():
    assert len(python_blocks()) >= 3


@pytest.mark.parametrize("index", range(3))
def test_readme_example_runs(index, capsys):
    exec(compile(python_blocks()[index], f"README.md python block {index}", "exec"), {})
