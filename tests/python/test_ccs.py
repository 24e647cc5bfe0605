"""The issue-14 smelter keys through the Python API: carbon capture, inert anodes and the HPA line
give the same numbers as the CLI's --json (docs/model/ccs.md, inert-anode.md, hpa.md)."""
import potline


def test_ccs_inert_and_hpa_keys_equal_the_cli(cli_json, root):
    for name, keys in (("smelter-ccs-hydro", ("ccs", "anode")),
                       ("smelter-inert-anode-elysis-like", ("anode", "emissions_t_co2e_per_t")),
                       ("hpa-us", ("hpa",))):
        case = root / "examples" / f"{name}.toml"
        py = potline.smelter(str(case))
        cli = cli_json("smelter", case)
        for key in keys:
            assert py[key] == cli[key], (name, key)


def test_capture_rate_is_set_like_the_cli(root):
    case = str(root / "examples" / "smelter-ccs-hydro.toml")
    off = potline.smelter(case, set={"ccs.capture_rate": 0})
    assert off["ccs"] is None
    assert off["cost_usd_per_t"]["breakdown"]["ccs"] == 0
