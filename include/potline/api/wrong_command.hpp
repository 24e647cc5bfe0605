#pragma once
// Which command reads a case file whose sections the command it was given does not know.
#include <string>

#include "potline/core/diagnostics.hpp"

namespace potline::api {

/// When a case file's unknown sections ([fleet], [market], [[cap]] ...) are all sections of
/// another command's cases, a note naming that command ("examples/x.toml: note: [fleet], [market]
/// are sections of a 'potline fleet' case: run potline fleet examples/x.toml"), ending in a newline;
/// empty otherwise. Of several such commands, those whose cases have the fewest sections (a simulate
/// case's [run], [control] are a flex case's too: the file is the simulate case).
std::string wrong_command_note(const core::Diagnostics& diagnostics);

}  // namespace potline::api
