"""The model yaml is read as data: tags become nodes, refs resolve, nothing it names is run."""

from __future__ import annotations

import pytest

from studio.engine.hyperyaml import HyperYamlError, Node, load_hyperyaml, node_kwargs
from tests.conftest import CV2_MODEL, GOLDEN


def test_tags_become_data_nodes_and_refs_resolve():
    doc = load_hyperyaml(
        """
size: 64
ratio: 2
chunk: 25
llm: !new:cosyvoice.llm.llm.Qwen2LM
    llm_input_size: !ref <size>
    sampling: !name:cosyvoice.utils.common.ras_sampling
        top_p: 0.8
est: !new:pkg.Est
    static_chunk_size: !ref <chunk> * <ratio>
cfm: !new:omegaconf.DictConfig
    content:
        sigma_min: 1e-06
alias: !ref <llm>
"""
    )
    assert isinstance(doc["llm"], Node) and doc["llm"].target == "cosyvoice.llm.llm.Qwen2LM"
    assert doc["llm"].kwargs["llm_input_size"] == 64
    assert doc["llm"].kwargs["sampling"].kind == "name"
    assert doc["est"].kwargs["static_chunk_size"] == 50
    assert node_kwargs(doc["cfm"]) == {"sigma_min": 1e-06}
    assert doc["alias"].target == doc["llm"].target


def test_apply_tags_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    doc = load_hyperyaml(f"x: !apply:os.system ['touch {marker}']\ny: !new:os.remove ['{marker}']\n")
    assert doc["x"].kind == "apply" and doc["x"].args == [f"touch {marker}"]
    assert not marker.exists()


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: !ref <missing>\n", "does not define"),
        ("a: !ref <a>\n", "itself"),
        ("a: 1\nb: !ref <a> + __import__('os')\n", "unsupported expression"),
        ("- just\n- a list\n", "not a mapping"),
        ("a: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_yaml_is_a_clear_error(text, message):
    with pytest.raises(HyperYamlError, match=message):
        load_hyperyaml(text)


def test_release_yamls_parse():
    for path in [
        CV2_MODEL / "cosyvoice2.yaml",
        GOLDEN / "full-size" / "cosyvoice2.yaml",
        GOLDEN / "full-size" / "cosyvoice3.yaml",
    ]:
        doc = load_hyperyaml(path.read_text())
        assert doc["llm"].kind == "new"
        assert "flow" in doc and "hift" in doc
