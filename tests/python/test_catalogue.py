"""potline.technologies() and potline.schema() from Python: the documents `potline technologies --json`
and `potline schema --json` print (user trial T7-20: the catalogue and the key reference were CLI-only)."""
import pytest

import potline


def test_technologies_equal_cli_json(cli_json):
    result = potline.technologies()
    assert result == cli_json("technologies")
    ids = [t["id"] for t in result["technologies"]]
    assert "AP40" in ids
    # The IMPLAUSIBLE flag of the text listing is the model's "plausible" key.
    for t in result["technologies"]:
        if t["model"] is not None:
            assert isinstance(t["model"]["plausible"], bool)
            assert t["model"]["plausible"] == (not t["model"]["problems"])


def test_technologies_with_another_data_dir_equal_the_cli(cli_json, root):
    assert potline.technologies(data_dir=str(root / "data")) == cli_json("--data-dir", root / "data", "technologies")


def test_schema_equals_cli_json(cli_json):
    assert potline.schema() == cli_json("schema")
    flex = potline.schema("flex")
    assert flex == cli_json("schema", "flex")
    assert [s["name"] for s in flex["schemas"]] == ["flex"]
    keys = {f["key"]: f for f in flex["schemas"][0]["fields"]}
    assert "flex.price_time_zone" in keys


def test_schema_unknown_name_is_the_cli_input_error(cli):
    with pytest.raises(potline.InputError) as e:
        potline.schema("flx")
    code, _, err = cli("schema", "flx")
    assert code == 2
    assert "unknown schema 'flx'" in str(e.value)
    assert "(did you mean 'flex'?)" in str(e.value)
    assert str(e.value).strip() in err


def test_catalogue_functions_are_exported():
    assert {"technologies", "schema"} <= set(potline.__all__)
