"""The compiled-template cache shared by the languages of a build."""

import jinja2

from sitekit.build.template_cache import MemoryBytecodeCache


def environment(source: str, cache: MemoryBytecodeCache, compiled: list[str]) -> jinja2.Environment:
    class CountingEnvironment(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    loader = jinja2.FunctionLoader(lambda name: (source, f"/templates/{name}", lambda: True))
    return CountingEnvironment(loader=loader, bytecode_cache=cache)


def test_a_second_environment_reuses_the_compiled_template():
    cache, compiled = MemoryBytecodeCache(), []
    first = environment("Hello {{ name }}", cache, compiled).get_template("page.html")
    second = environment("Hello {{ name }}", cache, compiled).get_template("page.html")
    assert compiled == ["page.html"]
    assert first.render(name="en") == "Hello en" and second.render(name="fr") == "Hello fr"


def test_an_edited_template_is_compiled_again():
    cache, compiled = MemoryBytecodeCache(), []
    environment("Hello {{ name }}", cache, compiled).get_template("page.html")
    edited = environment("Bonjour {{ name }}", cache, compiled).get_template("page.html")
    assert compiled == ["page.html", "page.html"]
    assert edited.render(name="fr") == "Bonjour fr"
