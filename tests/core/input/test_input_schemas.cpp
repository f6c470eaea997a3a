#include <catch2/catch.hpp>

#include "core/input/schemas/input_schema.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const std::string kImport = std::string(DRIFTMAP_TEST_DATA) + "/import/";

const Incident& row(const ParsedRows& p, std::string_view id) {
  for (const auto& r : p.rows)
    if (r.id == id) return r;
  FAIL("no row " << id);
  return p.rows.front();
}
}  // namespace

TEST_CASE("formats are recognised from their header") {
  CHECK(detect_source_format({"event_id_cnty", "event_date", "latitude"}) == SourceFormat::Acled);
  CHECK(detect_source_format({"eventid", "iyear", "imonth", "iday"}) == SourceFormat::Gtd);
  CHECK(detect_source_format({"id", "date_start", "lat", "lon"}) == SourceFormat::Driftmap);
  CHECK(to_string(SourceFormat::Acled) == "ACLED");
}

TEST_CASE("ACLED dates are read in the ISO and the older day-month-year style") {
  CHECK(parse_acled_date("2023-07-30")->to_iso() == "2023-07-30");
  CHECK(parse_acled_date("30 July 2023")->to_iso() == "2023-07-30");
  CHECK(parse_acled_date("30-July-2023")->to_iso() == "2023-07-30");
  CHECK(parse_acled_date("1 Sep 2021")->to_iso() == "2021-09-01");
  CHECK_FALSE(parse_acled_date("31 June 2023"));
  CHECK_FALSE(parse_acled_date("2023-07"));
  CHECK_FALSE(parse_acled_date("July 2023"));
}

TEST_CASE("ACLED event types map onto driftmap's") {
  CHECK(acled_event_type("Battles") == EventType::Attack);
  CHECK(acled_event_type("Explosions/Remote violence") == EventType::Attack);
  CHECK(acled_event_type("Violence against civilians") == EventType::Attack);
  CHECK(acled_event_type("Strategic developments") == EventType::Other);
  CHECK(acled_event_type("Protests") == EventType::Other);
  CHECK(acled_event_type("Riots") == EventType::Other);
  CHECK_FALSE(acled_event_type("Something else"));
}

TEST_CASE("an ACLED export loads with its precision codes mapped and both date styles agree") {
  for (const char* f : {"acled_new.csv", "acled_old_semicolon.csv", "acled_utf16le.csv"}) {
    INFO(f);
    ParsedRows p = parse_incident_file(kImport + f);
    REQUIRE(p.file_ok);
    CHECK_FALSE(p.problems.has_errors());
    CHECK(p.format == SourceFormat::Acled);
    const Incident& a = row(p, "AFG70001");
    CHECK(a.date.to_iso() == "2023-07-30");
    CHECK(a.type == EventType::Attack);
    CHECK(a.location_precision == LocationPrecision::City);
    CHECK(a.killed == 7);
    CHECK(a.place == "Jalalabad");
    CHECK(a.admin1 == "Nangarhar");
    CHECK(a.summary.rfind("On 30 July 2023", 0) == 0);
    CHECK(a.sources == "Pajhwok");
    // time_precision 2: the week around the coded day; geo_precision 2: district.
    const Incident& week = row(p, "AFG70002");
    CHECK(week.date.to_iso() == "2023-07-30/2023-08-05");
    CHECK(week.date.interval().length_days() == 7);
    CHECK(week.location_precision == LocationPrecision::District);
    // time_precision 3: month; geo_precision 3: province; strategic development: other.
    const Incident& month = row(p, "AFG70003");
    CHECK(month.date.to_iso() == "2023-08");
    CHECK(month.location_precision == LocationPrecision::Province);
    CHECK(month.type == EventType::Other);
  }
}

TEST_CASE("the original columns are kept as attributes when asked") {
  LoadOptions o;
  o.keep_attributes = true;
  ParsedRows p = parse_incident_file(kImport + "acled_new.csv", o);
  REQUIRE(p.file_ok);
  auto col = [&](std::string_view name) {
    for (size_t i = 0; i < p.attribute_names.size(); ++i)
      if (p.attribute_names[i] == name) return static_cast<int>(i);
    return -1;
  };
  REQUIRE(col("event_type") >= 0);
  REQUIRE(col("sub_event_type") >= 0);
  CHECK(col("event_id_cnty") == -1);  // read into id
  REQUIRE(p.attributes.size() == p.rows.size());
  CHECK(p.attributes[0][static_cast<size_t>(col("sub_event_type"))] == "Suicide bomb");
  CHECK(parse_incident_file(kImport + "acled_new.csv").attributes.empty());  // not kept by default
}

TEST_CASE("a GTD extract loads with unknown days and months as month and year precision") {
  ParsedRows p = parse_incident_file(kImport + "gtd_cp1252.csv");
  REQUIRE(p.file_ok);
  CHECK(p.format == SourceFormat::Gtd);
  const Incident& day = row(p, "201901010001");
  CHECK(day.date.to_iso() == "2019-01-01");
  CHECK(day.type == EventType::Attack);
  CHECK(day.killed == 2);
  CHECK(day.wounded == 5);
  CHECK(day.place == "Jalalabad");
  CHECK(day.admin1 == "Nangarhar");
  CHECK(day.location_precision == LocationPrecision::City);
  CHECK(row(p, "201903000001").date.to_iso() == "2019-03");      // iday 0
  CHECK(row(p, "201900000001").date.to_iso() == "2019");         // imonth 0
  CHECK(row(p, "201903000001").wounded == kUnknownCount);        // empty nwound
  // Without a gazetteer the rows without coordinates cannot be placed.
  CHECK(p.problems.has_errors());
}

TEST_CASE("GTD rows without coordinates are placed by name, Unknown city ignored") {
  Problems problems;
  auto b = Boundaries::load(std::string(DRIFTMAP_GEODATA_DIR) + "/boundaries.gpkg",
                            std::string(DRIFTMAP_GEODATA_DIR) + "/admin1_aliases.csv", &problems);
  auto g = Gazetteer::load(std::vector<std::string>{std::string(DRIFTMAP_GEODATA_DIR) + "/places.csv",
                                                    std::string(DRIFTMAP_GEODATA_DIR) + "/gazetteer.csv"},
                           &problems);
  REQUIRE(b);
  REQUIRE(g);
  LoadOptions o;
  o.boundaries = &*b;
  o.gazetteer = &*g;
  ParsedRows p = parse_incident_file(kImport + "gtd_cp1252.csv", o);
  REQUIRE(p.file_ok);
  CHECK_FALSE(p.problems.has_errors());
  CHECK(row(p, "201901010001").country == "AFG");  // country_txt → ISO code
  const Incident& province = row(p, "201906150001");
  CHECK(province.place.empty());
  CHECK(province.location_precision == LocationPrecision::Province);
  const Incident& city = row(p, "201907200001");
  CHECK(city.location_precision == LocationPrecision::City);
  CHECK(city.lat_deg == Approx(36.709).margin(0.01));
  CHECK(p.located_by[3] == LocatedBy::Admin1);
  CHECK(p.located_by[4] == LocatedBy::Gazetteer);
  CHECK(p.located_by[0] == LocatedBy::Source);
}
