// The rules an incident file must meet beyond parsing (issue 3): places resolve through the
// boundaries and points lie in their province and country; and, for the bundled project, the
// citation rules (every quote verbatim in its document, tolls equal the minimum stated).
#pragma once
#include <string>
#include <vector>

#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/incident.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

// Tolerance at borders: Natural Earth 1:10m lines are generalised, so a city on a border or a
// coast can fall just outside its polygon.
inline constexpr double kBorderToleranceKm = 5.0;

// Place rules for any incident file: admin1 and country resolve, and the point lies inside its
// province (when admin1 is given) and its country (when country is given), within tolerance.
void check_incident_places(const std::string& path, const std::vector<Incident>& rows, const Boundaries& b,
                           Problems& problems);

// Figures stated in a citation field: statements separated by ';', each the sum of the integers
// in it ("170 Afghan civilians + 13 U.S. service members" = 183); a statement without digits
// states no figure. Same grammar as scripts/check-dataset.
std::vector<long> stated_figures(std::string_view text);

// Collapses runs of whitespace to one space and trims.
std::string normalise_whitespace(std::string_view s);

// Citation rules for the bundled project. seeds_dir empty → the quote checks are skipped and a
// warning says so.
void check_bundle_citations(const std::string& incidents_path, const std::vector<Incident>& rows,
                            const Bundle& bundle, const std::string& citations_path, const std::string& seeds_dir,
                            Problems& problems);

}  // namespace driftmap::core
