// The rules an incident file must meet beyond parsing: places resolve through the
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

// One statement of a citation's killed_as_stated / wounded_as_stated. Grammar (also in
// scripts/check-dataset): statements separated by ';'; the figure is the sum of the integers in
// the statement ("170 Afghan civilians + 13 U.S. service members" = 183). A statement starting
// "headline:" is a reference-list headline's figure; "including" a part of a total (not a total);
// "nearly", "almost", "up to", "fewer than", "less than" or "under" a bound from above (no lowest
// figure). A statement without digits states no figure.
struct StatedFigure {
  enum Kind : uint8_t { Body, Headline, Part, UpperBound };
  long value = 0;
  Kind kind = Body;
};
std::vector<StatedFigure> parse_stated_figures(std::string_view text);
// The figures of the Body and Headline statements (the ones that state a total or a lower bound).
std::vector<long> stated_figures(std::string_view text);
// The toll an incident carries: the lowest body figure over its citations, else the lowest
// headline figure, else kUnknownCount.
int32_t carried_figure(const std::vector<std::string_view>& stated);

// Collapses runs of whitespace to one space and trims.
std::string normalise_whitespace(std::string_view s);

// Citation rules for the bundled project. seeds_dir empty → the quote checks are skipped and a
// warning says so.
void check_bundle_citations(const std::string& incidents_path, const std::vector<Incident>& rows,
                            const Bundle& bundle, const std::string& citations_path, const std::string& seeds_dir,
                            Problems& problems);

// Provenance rules for the bundled project, each satisfied either by the documents or by a
// provenance.csv note on that field of the incident:
//  place   a located incident's place (its city, province or country name, or an alias) appears in
//          one of its quotes;
//  date    the date's finest part (day, month, year) appears in a citation's quote or stated date;
//          a date that every citation calls "not stated" is a report's date (date_basis reported);
//  killed / wounded  every number a quote gives beside a casualty word is in that citation's
//          killed_as_stated or wounded_as_stated.
void check_bundle_provenance(const std::string& incidents_path, const std::vector<Incident>& rows,
                             const Bundle& bundle, const Boundaries& boundaries, Problems& problems);

}  // namespace driftmap::core
