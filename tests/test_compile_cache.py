"""extensions/compile_cache.py: a repeated source compiles once and renders alike."""

from copier._jinja_ext import YieldExtension, get_yield_context
from jinja2 import Environment

from compile_cache import CompileCache


def counting_environment(*extensions) -> tuple[Environment, list[str]]:
    """An environment with the cache whose underlying compile records each source."""
    environment = Environment(extensions=list(extensions))
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


def test_the_cache_lives_with_its_environment() -> None:
    first, first_compiled = counting_environment()
    second, second_compiled = counting_environment()
    first.from_string("{{ 1 + 1 }}")
    assert second.from_string("{{ 1 + 1 }}").render() == "2"
    assert first_compiled == second_compiled == ["{{ 1 + 1 }}"]


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
