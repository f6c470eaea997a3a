// The bundled project: incidents plus the side tables that make them citable (citations,
// sources), and the CTC Sentinel article's reported figures (aggregates, regions).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/partial_date.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

struct Citation {
  std::string incident_id, source_id, quote, date_as_stated, killed_as_stated, wounded_as_stated;
  int64_t line = 0;
};

struct Source {
  std::string source_id, file, title, author_or_publisher, published, kind;
  // How a map's sources line names the document, once and distinct from the others
  // ("CTC Sentinel: The Enduring Duel"); empty when sources.csv has no credit column.
  std::string credit;
};

enum class AggregateMetric : uint8_t { Count, SharePercent };

struct Aggregate {
  std::string source_id;
  PartialDate period_start, period_end;
  std::string region;
  AggregateMetric metric = AggregateMetric::Count;
  double value = 0;
  std::string quote;
  DayInterval period() const { return DateSpan{period_start, period_end}.interval(); }
};

// A statement of the article with no figure to tabulate by region ("spread to 15 provinces"):
// aggregates.csv rows of kind `statement`, kept apart so that every Aggregate is a count or share.
struct ArticleStatement {
  std::string source_id;
  PartialDate period_start, period_end;
  std::string region, quote;
  DayInterval period() const { return DateSpan{period_start, period_end}.interval(); }
};

// How a judgement was made for one field of one incident (provenance.csv): how a place was
// resolved, what a date rests on, why a figure in a quote is not the incident's toll.
struct ProvenanceNote {
  std::string incident_id, field, note;
  int64_t line = 0;
};

// A gazetteer place used for city-level incidents (places.csv).
struct BundlePlace {
  std::string name;
  std::vector<std::string> aliases;
  std::string admin1, country;
};

struct Region {
  std::string region, label;
  std::vector<std::string> members;  // canonical admin-1 names
  std::optional<uint32_t> colour_rgb;  // map fill and chart colour (0xRRGGBB), when the group has one
};

struct Bundle {
  Dataset incidents;
  std::vector<Citation> citations;
  std::vector<Source> sources;
  std::vector<Aggregate> aggregates;
  std::vector<ArticleStatement> statements;
  std::vector<Region> regions;
  std::vector<ProvenanceNote> notes;
  std::vector<BundlePlace> places;

  std::vector<const Citation*> citations_for(std::string_view incident_id) const;
  const Source* source(std::string_view source_id) const;
  const Region* region(std::string_view key) const;
  // The note on `field` of an incident, or nullptr.
  const ProvenanceNote* note(std::string_view incident_id, std::string_view field) const;
};

// Region groups (columns region, label, members, optional colour): the bundle's regions.csv or a
// user's file of the same form; nullopt when the file cannot be read.
std::optional<std::vector<Region>> load_region_groups(const std::string& path, Problems* problems);

// Loads incidents.csv, citations.csv, sources.csv, aggregates.csv, regions.csv, provenance.csv
// and places.csv from dir.
std::optional<Bundle> load_bundle(const std::string& dir, Problems* problems);
// The side tables only (bundle.incidents stays empty), for checks that parsed incidents already.
std::optional<Bundle> load_bundle_tables(const std::string& dir, Problems* problems);

}  // namespace driftmap::core
