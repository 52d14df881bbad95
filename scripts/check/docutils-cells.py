"""Reads table-cell RST texts (a JSON list of strings on stdin) with docutils and prints, per cell, the text blocks
docutils sees (a JSON list of lists of strings): each paragraph's, literal block's, line block's and term's
astext(), with admonition labels and list markers left out. Unknown roles show their display text, as Sphinx
shows :ref:, :doc:, :term: and the like; Sphinx's code-block directive reads like docutils' code directive.

Used by scripts/check/compare-docutils.ts; run by hand as: echo '["*a* b"]' | python3 scripts/check/docutils-cells.py
"""

import json
import re
import sys

from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import directives, roles
from docutils.parsers.rst.directives.body import CodeBlock
from docutils.utils import unescape

EXPLICIT_TITLE = re.compile(r'^(.+?)\s*(?<!\x00)<(.*?)>$', re.DOTALL)


def display_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Shows a Sphinx cross-reference role as its title: `Title <target>` gives Title, `target` gives target."""
    match = EXPLICIT_TITLE.match(text)
    shown = unescape(match.group(1) if match else text)
    if shown.startswith('!'):
        shown = shown[1:]
    elif shown.startswith('~'):
        shown = shown[1:].split('.')[-1]
    return [nodes.inline(rawtext, shown)], []


_find_role = roles.role


def find_role(role_name, language_module, lineno, reporter):
    role_fn, messages = _find_role(role_name, language_module, lineno, reporter)
    return (role_fn or display_role), messages


roles.role = find_role


class SphinxCodeBlock(CodeBlock):
    """Sphinx's code-block: docutils' code directive that also takes Sphinx's options."""
    option_spec = dict(CodeBlock.option_spec, linenos=directives.flag, caption=directives.unchanged,
                       dedent=directives.unchanged, force=directives.flag,
                       **{'emphasize-lines': directives.unchanged, 'lineno-start': directives.unchanged})


directives.register_directive('code-block', SphinxCodeBlock)
directives.register_directive('sourcecode', SphinxCodeBlock)

SETTINGS = {
    'report_level': 5,
    'halt_level': 5,
    'file_insertion_enabled': False,
    'raw_enabled': False,
    'warning_stream': False,
    '_disable_config': True,
}


LABELS = {cls: cls.__name__.capitalize() for cls in (nodes.attention, nodes.caution, nodes.danger, nodes.error,
                                                     nodes.hint, nodes.important, nodes.note, nodes.tip,
                                                     nodes.warning)}
UNRESOLVED = [
    (re.compile(r'^\[(.+)\]_$', re.DOTALL), r'[\1]'),  # footnote or citation: Sphinx shows [label]
    (re.compile(r'^`(.*)`__?$', re.DOTALL), r'\1'),  # phrase reference to a target elsewhere
    (re.compile(r'^([^`|\s]+?)__?$'), r'\1'),  # simple reference to a target elsewhere
]


def resolve_references(doctree):
    """Shows references whose target lies outside the cell (docutils: problematic) as their text, as in the page."""
    for node in list(doctree.findall(nodes.problematic)):
        text = node.astext()
        for pattern, shown in UNRESOLVED:
            if pattern.match(text):
                node.parent.replace(node, nodes.Text(pattern.sub(shown, text)))
                break


def read_blocks(node, out):
    """Collects the text blocks of a doctree in document order (Sphinx prints an admonition's label first)."""
    if type(node) in LABELS:
        out.append(LABELS[type(node)])
    if isinstance(node, (nodes.paragraph, nodes.term, nodes.field_name, nodes.title)):
        out.append(' '.join(node.astext().split('\n')))  # one line, so a line cannot look like a list item
        return
    if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
        out.append(node.astext())
        return
    if isinstance(node, nodes.line_block):
        out.append('\n'.join(line.astext() for line in node.findall(nodes.line)))
        return
    if isinstance(node, (nodes.system_message, nodes.comment, nodes.substitution_definition, nodes.target)):
        return
    for child in node.children:
        if isinstance(child, nodes.Element):
            read_blocks(child, out)


def read_cell(text):
    doctree = publish_doctree(text, settings_overrides=SETTINGS)
    resolve_references(doctree)
    out = []
    read_blocks(doctree, out)
    return out


def main():
    cells = json.load(sys.stdin)
    json.dump([read_cell(text) for text in cells], sys.stdout)


if __name__ == '__main__':
    main()
