"""T18-6: a bath correlation used outside its validity range because of a ``set`` value was only in
result["warnings"], with no key, so no potline.InputWarning was issued (docs/python.md: a warning about
a value you gave is). It names the key now, as bath.alumina's saturation does (T17-1)."""
import warnings

import potline


def test_a_correlation_out_of_range_for_a_set_value_is_an_input_warning(root):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = potline.cell(str(root / "examples" / "default.toml"), set={"bath.alf3": 30})
    issued = [str(w.message) for w in caught if issubclass(w.category, potline.InputWarning)]
    assert any(m.startswith("--set #1: bath.alf3: Solheim et al. (1996) liquidus correlation used outside") for m in issued), issued
    assert any("bath.alf3: Solheim" in w for w in result["warnings"])
