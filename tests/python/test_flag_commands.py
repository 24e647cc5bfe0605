"""bath, emissions and cbam from Python: the same documents as the CLI's --json, the same messages."""
import pytest

import potline


def test_bath_equals_cli_json(cli_json):
    result = potline.bath(alumina=3, alf3=11, caf2=5, temperature=960)
    assert result == cli_json("bath", "--alumina", 3, "--alf3", 11, "--caf2", 5, "--temperature", 960)


def test_bath_takes_units_like_the_cli(cli_json):
    result = potline.bath(alumina=3, alf3=11, temperature="1233.15 K")
    assert result == cli_json("bath", "--alumina", 3, "--alf3", 11, "--temperature", "1233.15 K")
    assert result["temperature_C"] == pytest.approx(960.0, abs=1e-9)


def test_bath_unknown_option_names_the_closest():
    with pytest.raises(potline.InputError) as e:
        potline.bath(alumina=3, alf4=11)
    assert "'--alf4': unknown option of 'bath'; did you mean '--alf3'?" in str(e.value)


def test_bath_out_of_range_gives_the_cli_message(cli):
    with pytest.raises(potline.InputError) as e:
        potline.bath(alumina=-3)
    code, _, err = cli("bath", "--alumina", -3)
    assert code == 2
    assert "value -3 wt% is outside the allowed range (0, 20] wt%" in str(e.value)
    assert str(e.value).strip() in err


def test_input_error_is_a_value_error():
    assert issubclass(potline.InputError, ValueError)
    with pytest.raises(ValueError):
        potline.bath(temperature=float("nan"))


def test_bath_rejects_a_non_number():
    with pytest.raises(TypeError, match="expected a number or a string"):
        potline.bath(alumina=[3])


def test_emissions_equals_cli_json(cli_json):
    result = potline.emissions(production_t=1, technology_class="PFPB_modern", aem=0.1, gwp="AR6")
    expected = cli_json("emissions", "--production-t", 1, "--technology-class", "PFPB_modern", "--aem", 0.1,
                        "--gwp", "AR6")
    assert result == expected
    assert result["method"]["pfc"].startswith("slope method")


def test_emissions_conflicting_methods_are_one_error_each():
    with pytest.raises(potline.InputError) as e:
        potline.emissions(aem=0.1, ae_frequency=0.05)
    text = str(e.value)
    assert "give --aem or --ae-frequency with --ae-duration-min, not both" in text
    assert "--ae-frequency and --ae-duration-min go together" in text


def test_cbam_equals_cli_json(cli_json):
    result = potline.cbam(year=2030, direct_t_co2e_per_t=2.0, eua_price_eur=80)
    assert result == cli_json("cbam", "--year", 2030, "--direct-t-co2e-per-t", 2.0, "--eua-price-eur", 80)
    assert result["cost_eur_per_t"] > 0


def test_cbam_default_country_did_you_mean():
    with pytest.raises(potline.InputError) as e:
        potline.cbam(default_country="CHM", eua_price_eur=80)
    assert "no CBAM default value for 'CHM'" in str(e.value)
    assert "did you mean 'CHN'?" in str(e.value)


def test_cbam_missing_price_is_an_input_error():
    with pytest.raises(potline.InputError, match="required: the CBAM certificate price"):
        potline.cbam(direct_t_co2e_per_t=2.0)


def test_bath_validity_warning_of_a_given_option_is_an_input_warning():
    # Docs audit DA19-35: the conductivity's validity warning caused by temperature=940 stayed in
    # result["warnings"] only; placed at --temperature, it is issued as cell's (T18-6).
    with pytest.warns(potline.InputWarning, match=r"--temperature: Hives et al\. \(1996\) conductivity used outside"):
        result = potline.bath(temperature=940)
    assert result["warnings"][0].startswith("--temperature: Hives et al. (1996)")
