// Synthetic incidents: see synthetic_data.hpp. Numbers that shape the data (trend, bursts,
// shares) are modelling choices for a benchmark, not facts about the world.
#include "app/synthetic_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/csv_table.hpp"
#include "core/incident.hpp"
#include "core/partial_date.hpp"

namespace driftmap::app {

namespace {

// xoshiro256** seeded through splitmix64: fast, and the same sequence everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      s = z ^ (z >> 31);
    }
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double normal() {  // Box–Muller
    const double u = 1.0 - uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

struct Centre {
  double lat, lon;
};

// Index into a cumulative weight table.
size_t pick(const std::vector<double>& cumulative, double u) {
  const double x = u * cumulative.back();
  const auto k = size_t(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
  return std::min(k, cumulative.size() - 1);
}

// The bundled places first (where the real incidents are), then the region's gazetteer places
// in a seeded order; Zipf weights 1/(rank+1) give a few big centres and a long tail.
bool load_centres(const SyntheticSpec& spec, Rng& rng, std::vector<Centre>& centres, std::vector<double>& cumulative,
                  std::string* error) {
  core::Problems problems;
  auto read = [&](const std::string& path, bool region_only) {
    if (path.empty()) return true;
    auto t = core::read_csv_table(path, {"lat", "lon"}, &problems);
    if (!t) return false;
    const int iso = t->column("iso_a3") >= 0 ? t->column("iso_a3") : t->column("country");
    std::vector<Centre> found;
    for (size_t r = 0; r < t->rows.size(); ++r) {
      if (region_only && iso >= 0) {
        const std::string_view c = t->rows[r][size_t(iso)];
        if (c != "AFG" && c != "PAK" && c != "TJK") continue;
      }
      double lat = 0, lon = 0;
      const std::string_view a = t->get(r, "lat"), b = t->get(r, "lon");
      if (std::from_chars(a.data(), a.data() + a.size(), lat).ec != std::errc() ||
          std::from_chars(b.data(), b.data() + b.size(), lon).ec != std::errc())
        continue;
      found.push_back({lat, lon});
    }
    if (region_only)  // seeded Fisher–Yates
      for (size_t i = found.size(); i > 1; --i) std::swap(found[i - 1], found[size_t(rng.next() % i)]);
    centres.insert(centres.end(), found.begin(), found.end());
    return true;
  };
  if (!read(spec.places_csv, false) || !read(spec.gazetteer_csv, true) || centres.empty()) {
    *error = problems.items.empty() ? "no places to cluster around (geodata/gazetteer.csv)"
                                    : problems.items.front().to_string();
    return false;
  }
  double sum = 0;
  for (size_t k = 0; k < centres.size(); ++k) cumulative.push_back(sum += 1.0 / double(k + 1));
  return true;
}

struct Burst {
  double centre_day, width_days, amplitude;
  size_t place;
};

// Events per day (relative): a rise to 2018, a dip in 2020, a second peak in 2022, a decline;
// a spring–autumn season; and bursts (a campaign around one place for days to weeks).
double trend(double year) {
  static const double kKnots[][2] = {{2015, 0.3}, {2016.5, 0.8}, {2018.5, 1.0}, {2020.3, 0.5},
                                     {2022.0, 1.2}, {2023.5, 0.8}, {2025, 0.6}};
  for (size_t k = 1; k < std::size(kKnots); ++k)
    if (year <= kKnots[k][0]) {
      const double t = (year - kKnots[k - 1][0]) / (kKnots[k][0] - kKnots[k - 1][0]);
      return kKnots[k - 1][1] + t * (kKnots[k][1] - kKnots[k - 1][1]);
    }
  return kKnots[std::size(kKnots) - 1][1];
}

char* put_int(char* p, int64_t v, int width = 0) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  for (int k = int(r.ptr - buf); k < width; ++k) *p++ = '0';
  return std::copy(buf, r.ptr, p);
}

char* put_fixed5(char* p, double v) {
  return std::to_chars(p, p + 32, v, std::chars_format::fixed, 5).ptr;
}

// The shape of the data over time: per day a background weight (trend and season) and the
// bursts active on it, with their cumulative sum to draw days from.
struct DayModel {
  int32_t first_day = 0, n_days = 0;
  std::vector<Burst> bursts;
  std::vector<double> day_weight, day_cumulative;
  std::vector<std::vector<std::pair<double, size_t>>> day_bursts;  // (weight, burst)
};

DayModel build_day_model(Rng& rng, const std::vector<double>& centre_cumulative) {
  DayModel m;
  m.first_day = core::days_from_civil(2015, 1, 1);
  m.n_days = core::days_from_civil(2025, 1, 1) - m.first_day;
  m.bursts.resize(60);
  for (auto& b : m.bursts) {
    b.centre_day = rng.uniform() * m.n_days;
    b.width_days = 1.5 + 12.0 * rng.uniform() * rng.uniform();
    b.amplitude = 0.5 + 4.0 * rng.uniform() * rng.uniform();
    b.place = pick(centre_cumulative, rng.uniform());
  }
  const size_t days = static_cast<size_t>(m.n_days);
  m.day_weight.resize(days);
  m.day_cumulative.resize(days);
  m.day_bursts.resize(days);
  double sum = 0;
  for (int32_t d = 0; d < m.n_days; ++d) {
    const double year = 2015.0 + d / 365.2425;
    const double season = 1.0 + 0.25 * std::sin(2 * std::numbers::pi * (year - 2015.0 - 0.25));
    double w = trend(year) * season;
    m.day_weight[size_t(d)] = w;
    for (size_t b = 0; b < m.bursts.size(); ++b) {
      const double z = (d - m.bursts[b].centre_day) / m.bursts[b].width_days;
      if (std::abs(z) > 3) continue;
      const double bw = m.bursts[b].amplitude * std::exp(-0.5 * z * z);
      m.day_bursts[size_t(d)].push_back({bw, b});
      w += bw;
    }
    m.day_cumulative[size_t(d)] = sum += w;
  }
  return m;
}

struct Places {
  std::vector<Centre> centres;
  std::vector<double> cumulative;  // Zipf weights, cumulative
};

// Where one event of day d happens: a burst's place (tight) or any place by weight (looser),
// scattered around it.
Centre event_position(const DayModel& m, int32_t d, const Places& places, Rng& rng) {
  const auto& active = m.day_bursts[size_t(d)];
  double bursts_weight = 0;
  for (const auto& a : active) bursts_weight += a.first;
  double u = rng.uniform() * (m.day_weight[size_t(d)] + bursts_weight);
  size_t place = SIZE_MAX;
  double sigma_deg = 0.06;
  if (u >= m.day_weight[size_t(d)]) {
    u -= m.day_weight[size_t(d)];
    for (const auto& a : active) {
      if (u < a.first) {
        place = m.bursts[a.second].place;
        sigma_deg = 0.02;
        break;
      }
      u -= a.first;
    }
  }
  if (place == SIZE_MAX) place = pick(places.cumulative, rng.uniform());
  const Centre c = places.centres[std::min(place, places.centres.size() - 1)];
  const double lat = std::clamp(c.lat + sigma_deg * rng.normal(), -89.9, 89.9);
  const double lon_scale = 1.0 / std::max(0.2, std::cos(c.lat * std::numbers::pi / 180));
  const double lon = std::clamp(c.lon + sigma_deg * lon_scale * rng.normal(), -179.9, 179.9);
  return {lat, lon};
}

// The rest of one CSV row after the position: date precision, type and toll, drawn in this order.
char* put_event_row(char* q, int32_t y, unsigned month, unsigned day, Centre pos, Rng& rng) {
  static const core::EventType kTypes[] = {core::EventType::Attack, core::EventType::CounterOperation,
                                           core::EventType::CrossBorderAttack, core::EventType::Territorial,
                                           core::EventType::LeaderKilledOrCaptured, core::EventType::ExternalPlot,
                                           core::EventType::Other};
  static const double kTypeCumulative[] = {0.60, 0.80, 0.85, 0.90, 0.93, 0.95, 1.0};
  // When: mostly the day, some only the month or the year.
  const double p = rng.uniform();
  q = put_int(q, y, 4);
  if (p < 0.97) {
    *q++ = '-';
    q = put_int(q, month, 2);
  }
  if (p < 0.88) {
    *q++ = '-';
    q = put_int(q, day, 2);
  }
  *q++ = ',';
  q = put_fixed5(q, pos.lat);
  *q++ = ',';
  q = put_fixed5(q, pos.lon);
  *q++ = ',';
  const double t = rng.uniform();
  size_t type = 0;
  while (t >= kTypeCumulative[type]) ++type;
  const std::string_view tn = core::to_string(kTypes[type]);
  q = std::copy(tn.begin(), tn.end(), q);
  *q++ = ',';
  // Toll: 12% unknown, 38% none, the rest Pareto-tailed (a few mass-casualty events).
  const double r = rng.uniform();
  if (r >= 0.12) {
    int64_t killed = 0;
    if (r >= 0.5) killed = std::min<int64_t>(1000, int64_t(std::pow(1.0 - rng.uniform(), -1.0 / 1.2)));
    q = put_int(q, killed);
  }
  *q++ = '\n';
  return q;
}

}  // namespace

bool write_synthetic_csv(const std::string& path, const SyntheticSpec& spec, std::string* error) {
  Rng rng(spec.seed);
  Places places;
  if (!load_centres(spec, rng, places.centres, places.cumulative, error)) return false;
  const DayModel model = build_day_model(rng, places.cumulative);
  // Events per day: n draws from the day distribution, counted.
  std::vector<uint32_t> per_day(static_cast<size_t>(model.n_days), 0);
  for (uint64_t i = 0; i < spec.n; ++i) ++per_day[pick(model.day_cumulative, rng.uniform())];

  core::AtomicFile out(path);
  if (!out.ok()) {
    *error = out.error();
    return false;
  }
  // Rows are formatted by hand into a buffer written in 1 MB pieces: the benchmark generates millions.
  std::string buf;
  buf.reserve(1 << 20);
  buf += "date,lat,lon,event_type,killed\n";
  char line[160];
  for (int32_t d = 0; d < model.n_days; ++d) {
    int32_t y;
    unsigned m, dd;
    core::civil_from_days(model.first_day + d, y, m, dd);
    for (uint32_t k = 0; k < per_day[size_t(d)]; ++k) {
      const Centre pos = event_position(model, d, places, rng);
      const char* end = put_event_row(line, y, m, dd, pos, rng);
      buf.append(line, size_t(end - line));
      if (buf.size() > (1u << 20) - 256) {
        if (!out.write(buf)) break;
        buf.clear();
      }
    }
  }
  if (!out.write(buf) || !out.commit()) {
    *error = out.error();
    return false;
  }
  return true;
}

}  // namespace driftmap::app
