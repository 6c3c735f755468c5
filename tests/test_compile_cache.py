"""extensions/compile_cache.py: a source compiles once, in this render or an earlier
one, and renders alike."""

import tempfile

import pytest
from copier._jinja_ext import YieldExtension, get_yield_context
from jinja2 import Environment, FileSystemLoader

from compile_cache import CompileCache


@pytest.fixture(autouse=True)
def own_disk_cache(tmp_path, monkeypatch):
    """Jinja's bytecode cache in this test's folder: it lives in the system's
    temporary folder, which every render on the machine shares."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def counting_environment(*extensions, **options) -> tuple[Environment, list[str]]:
    """An environment with the cache whose underlying compile records each source."""
    environment = Environment(extensions=list(extensions), **options)
    compiled: list[str] = []
    compile_source = environment.compile

    def recording(source, *args, **kwargs):
        compiled.append(source)
        return compile_source(source, *args, **kwargs)

    environment.compile = recording
    CompileCache(environment)
    return environment, compiled


def test_a_repeated_source_compiles_once_and_renders_alike() -> None:
    environment, compiled = counting_environment()
    for name in ("iris", "wine", "iris"):
        template = environment.from_string("src/{{ package }}")
        assert template.render(package=name) == f"src/{name}"
    environment.from_string("tests")
    assert compiled == ["src/{{ package }}", "tests"]


def test_a_later_render_reads_the_code_from_disk() -> None:
    first, first_compiled = counting_environment()
    second, second_compiled = counting_environment()
    assert first.from_string("{{ 1 + 1 }}").render() == "2"
    assert second.from_string("{{ 1 + 1 }}").render() == "2"
    assert first_compiled == ["{{ 1 + 1 }}"]
    assert second_compiled == []
    # Another source is compiled, though it shares the cache with the first.
    assert second.from_string("{{ 2 + 2 }}").render() == "4"
    assert second_compiled == ["{{ 2 + 2 }}"]


def test_an_environment_that_parses_otherwise_compiles_its_own() -> None:
    source = "{% if true %}\n  x\n{% endif %}"
    plain, _ = counting_environment()
    trimmed, trimmed_compiled = counting_environment(trim_blocks=True)
    assert plain.from_string(source).render() == "\n  x\n"
    assert trimmed.from_string(source).render() == "  x\n"
    assert trimmed_compiled == [source]


def test_a_file_from_the_cache_names_this_render_s_file(tmp_path) -> None:
    """Each render reads the template from a new temporary clone: the code from the
    cache names the file of the render that uses it, for tracebacks."""
    folders = [tmp_path / "first", tmp_path / "second"]
    for folder in folders:
        folder.mkdir()
        (folder / "a.txt").write_text("{{ x }}")
    seen = []
    for folder in folders:
        environment, compiled = counting_environment(loader=FileSystemLoader(folder))
        template = environment.get_template("a.txt")
        assert template.render(x=7) == "7"
        # The module's code, and the render function inside it.
        filenames = {template.filename, template.root_render_func.__code__.co_filename}
        seen.append((filenames, compiled))
    (first, first_compiled), (second, second_compiled) = seen
    assert first == {str(folders[0] / "a.txt")}
    assert second == {str(folders[1] / "a.txt")}
    assert (len(first_compiled), second_compiled) == (1, [])


def test_copier_yield_tag_still_loops_and_resets() -> None:
    environment, compiled = counting_environment(YieldExtension)
    source = "{% yield item from items %}{{ item }}{% endyield %}"
    for _ in range(2):
        environment.from_string(source).render(items=[1, 2])
        assert get_yield_context(environment).yield_name == "item"
        # A remembered source after it must not look like a yield to Copier.
        environment.from_string("plain").render()
        assert get_yield_context(environment).yield_name is None
    assert compiled == [source, "plain", source]
