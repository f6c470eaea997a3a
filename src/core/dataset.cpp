#include "core/dataset.hpp"

#include <algorithm>
#include <numeric>

namespace driftmap::core {

// ---- StringColumn ----------------------------------------------------------------------------

void StringColumn::reserve(size_t rows, size_t bytes) {
  offsets_.reserve(rows + 1);
  chars_.reserve(bytes);
}

void StringColumn::push_back(std::string_view s) {
  if (offsets_.empty()) offsets_.push_back(0);
  chars_.insert(chars_.end(), s.begin(), s.end());
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
}

void StringColumn::pad_to(size_t rows) {
  if (offsets_.empty()) offsets_.push_back(0);
  if (offsets_.size() < rows + 1) offsets_.resize(rows + 1, offsets_.back());
}

std::string_view StringColumn::operator[](size_t i) const {
  return {chars_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
}

void StringColumn::append(const StringColumn& other) {
  if (other.offsets_.empty()) return;
  if (offsets_.empty()) offsets_.push_back(0);
  const auto base = static_cast<uint32_t>(chars_.size());
  chars_.insert(chars_.end(), other.chars_.begin(), other.chars_.end());
  offsets_.reserve(offsets_.size() + other.offsets_.size() - 1);
  for (size_t k = 1; k < other.offsets_.size(); ++k) offsets_.push_back(base + other.offsets_[k]);
}

void StringColumn::permute(std::span<const uint32_t> order) {
  if (offsets_.empty()) return;
  std::vector<char> chars;
  std::vector<uint32_t> offsets;
  chars.reserve(chars_.size());
  offsets.reserve(offsets_.size());
  offsets.push_back(0);
  for (uint32_t r : order) {
    const std::string_view s = (*this)[r];
    chars.insert(chars.end(), s.begin(), s.end());
    offsets.push_back(static_cast<uint32_t>(chars.size()));
  }
  chars_ = std::move(chars);
  offsets_ = std::move(offsets);
}

void StringColumn::clear_if_all_empty() {
  if (chars_.empty()) {
    offsets_.clear();
    offsets_.shrink_to_fit();
  }
}

// ---- Dataset -----------------------------------------------------------------------------------

Incident Dataset::incident(size_t i) const {
  Incident inc;
  inc.id = std::string(id(i));
  const DayInterval iv = interval(i);
  const auto sp = DatePrecision(date_precision_[i] & 0xF);
  const auto ep = DatePrecision(date_precision_[i] >> 4);
  auto from_day = [](int32_t day, DatePrecision p) {
    PartialDate d;
    int32_t y;
    unsigned m, dd;
    civil_from_days(day, y, m, dd);
    d.year = y;
    d.precision = p;
    if (p != DatePrecision::Year) d.month = static_cast<uint8_t>(m);
    if (p == DatePrecision::Day) d.day = static_cast<uint8_t>(dd);
    return d;
  };
  inc.date.start = from_day(iv.start_day, sp);
  if (flags_[i] & 2) inc.date.end = from_day(iv.end_day - 1, ep);
  inc.date_basis = date_reported(i) ? DateBasis::Reported : DateBasis::Event;
  inc.type = type_[i];
  inc.place = std::string(place(i));
  inc.admin1 = std::string(admin1(i));
  inc.country = std::string(country(i));
  inc.location_precision = loc_precision_[i];
  inc.lat_deg = lat_deg_[i];
  inc.lon_deg = lon_deg_[i];
  inc.killed = killed_[i];
  inc.wounded = wounded_[i];
  inc.casualties_disputed = casualties_disputed(i);
  inc.summary = std::string(summary(i));
  inc.sources = std::string(sources(i));
  inc.source_line = source_line(i);
  return inc;
}

WindowRange Dataset::window(DayInterval w) const {
  WindowRange r;
  // A short incident overlaps w only if start > w.start - kShortMaxDays.
  r.long_cutoff_day = w.start_day - kShortMaxDays;
  r.first = static_cast<uint32_t>(std::upper_bound(start_day_.begin(), start_day_.end(), r.long_cutoff_day) -
                                  start_day_.begin());
  r.last = static_cast<uint32_t>(std::lower_bound(start_day_.begin(), start_day_.end(), w.end_day) -
                                 start_day_.begin());
  if (r.last < r.first) r.last = r.first;
  return r;
}

size_t Dataset::count_in_window(DayInterval w) const {
  size_t n = 0;
  for_each_in_window(w, [&](uint32_t) { ++n; });
  return n;
}

DayInterval Dataset::extent() const {
  if (empty()) return {0, 0};
  return {start_day_.front(), *std::max_element(end_day_.begin(), end_day_.end())};
}

size_t Dataset::memory_bytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return bytes(start_day_) + bytes(end_day_) + bytes(lon_deg_) + bytes(lat_deg_) + bytes(killed_) +
         bytes(wounded_) + bytes(type_) + bytes(loc_precision_) + bytes(date_precision_) + bytes(flags_) +
         bytes(long_rows_) + bytes(source_line_) + id_.memory_bytes() + place_.memory_bytes() +
         admin1_.memory_bytes() + country_.memory_bytes() + summary_.memory_bytes() + sources_.memory_bytes();
}

// ---- DatasetBuilder ------------------------------------------------------------------------------

void DatasetBuilder::reserve(size_t n) {
  auto& d = d_;
  d.start_day_.reserve(n);
  d.end_day_.reserve(n);
  d.lon_deg_.reserve(n);
  d.lat_deg_.reserve(n);
  d.killed_.reserve(n);
  d.wounded_.reserve(n);
  d.type_.reserve(n);
  d.loc_precision_.reserve(n);
  d.date_precision_.reserve(n);
  d.flags_.reserve(n);
}

void DatasetBuilder::add(const Incident& inc) {
  auto& d = d_;
  const DayInterval iv = inc.date.interval();
  d.start_day_.push_back(iv.start_day);
  d.end_day_.push_back(iv.end_day);
  d.lon_deg_.push_back(static_cast<float>(inc.lon_deg));
  d.lat_deg_.push_back(static_cast<float>(inc.lat_deg));
  d.killed_.push_back(inc.killed);
  d.wounded_.push_back(inc.wounded);
  d.type_.push_back(inc.type);
  d.loc_precision_.push_back(inc.location_precision);
  const auto sp = static_cast<uint8_t>(inc.date.start.precision);
  const auto ep = static_cast<uint8_t>(inc.date.end ? inc.date.end->precision : inc.date.start.precision);
  d.date_precision_.push_back(static_cast<uint8_t>(sp | (ep << 4)));
  d.flags_.push_back(static_cast<uint8_t>((inc.casualties_disputed ? 1 : 0) | (inc.date.end ? 2 : 0) |
                                          (inc.date_basis == DateBasis::Reported ? 4 : 0)));
  d.source_line_.resize(d.start_day_.size() - 1, 0);
  d.source_line_.push_back(inc.source_line);
  // Text columns stay aligned with rows even when earlier rows came from add_point().
  auto push = [&](unsigned bit, StringColumn& c, std::string_view s) {
    if (!(text_mask_ & bit)) return;
    c.pad_to(d.start_day_.size() - 1);
    c.push_back(s);
  };
  push(1, d.id_, inc.id);
  push(2, d.place_, inc.place);
  push(4, d.admin1_, inc.admin1);
  push(8, d.country_, inc.country);
  push(16, d.summary_, inc.summary);
  push(32, d.sources_, inc.sources);
  has_text_ = true;
}

void DatasetBuilder::add_point(DayInterval when, DatePrecision start_precision, float lon_deg, float lat_deg,
                               EventType type, int32_t killed) {
  auto& d = d_;
  d.start_day_.push_back(when.start_day);
  d.end_day_.push_back(when.end_day);
  d.lon_deg_.push_back(lon_deg);
  d.lat_deg_.push_back(lat_deg);
  d.killed_.push_back(killed);
  d.wounded_.push_back(kUnknownCount);
  d.type_.push_back(type);
  d.loc_precision_.push_back(LocationPrecision::City);
  const auto p = static_cast<uint8_t>(start_precision);
  d.date_precision_.push_back(static_cast<uint8_t>(p | (p << 4)));
  d.flags_.push_back(0);
}

void DatasetBuilder::append(DatasetBuilder&& other) {
  auto& a = d_;
  auto& b = other.d_;
  const size_t n_a = a.start_day_.size(), n_b = b.start_day_.size();
  if (n_a == 0 && !has_text_) {
    *this = std::move(other);
    return;
  }
  auto cat = [](auto& x, auto& y) {
    x.insert(x.end(), y.begin(), y.end());
    y = {};
  };
  cat(a.start_day_, b.start_day_);
  cat(a.end_day_, b.end_day_);
  cat(a.lon_deg_, b.lon_deg_);
  cat(a.lat_deg_, b.lat_deg_);
  cat(a.killed_, b.killed_);
  cat(a.wounded_, b.wounded_);
  cat(a.type_, b.type_);
  cat(a.loc_precision_, b.loc_precision_);
  cat(a.date_precision_, b.date_precision_);
  cat(a.flags_, b.flags_);
  if (!a.source_line_.empty() || !b.source_line_.empty()) {
    a.source_line_.resize(n_a, 0);
    b.source_line_.resize(n_b, 0);
    cat(a.source_line_, b.source_line_);
  }
  StringColumn* ca[] = {&a.id_, &a.place_, &a.admin1_, &a.country_, &a.summary_, &a.sources_};
  StringColumn* cb[] = {&b.id_, &b.place_, &b.admin1_, &b.country_, &b.summary_, &b.sources_};
  for (int k = 0; k < 6; ++k) {
    if (ca[k]->size() == 0 && cb[k]->size() == 0) continue;
    ca[k]->pad_to(n_a);
    ca[k]->append(*cb[k]);
    *cb[k] = {};
  }
  has_text_ = has_text_ || other.has_text_;
  other = DatasetBuilder{};
}

void DatasetBuilder::append(Dataset&& other) {
  DatasetBuilder b;
  b.d_ = std::move(other);
  b.d_.long_rows_.clear();
  for (const StringColumn* c : {&b.d_.id_, &b.d_.place_, &b.d_.admin1_, &b.d_.country_, &b.d_.summary_, &b.d_.sources_})
    b.has_text_ = b.has_text_ || c->size() > 0;
  b.has_text_ = b.has_text_ || !b.d_.source_line_.empty();
  append(std::move(b));
}

namespace {
// Row order by start day, stable. Days of real data span a few thousand values, so a counting
// sort is O(n) (a comparison sort of ten million rows takes seconds on one core).
std::vector<uint32_t> order_by_start_day(const std::vector<int32_t>& start) {
  const size_t n = start.size();
  std::vector<uint32_t> order(n);
  const auto [lo, hi] = std::minmax_element(start.begin(), start.end());
  const int64_t range = int64_t(*hi) - int64_t(*lo) + 1;
  if (range <= int64_t(n) * 4 + 4096) {
    std::vector<uint32_t> next(size_t(range) + 1, 0);
    for (int32_t s : start) ++next[size_t(s - *lo) + 1];
    for (size_t k = 1; k < next.size(); ++k) next[k] += next[k - 1];
    for (uint32_t i = 0; i < n; ++i) order[next[size_t(start[i] - *lo)]++] = i;
  } else {
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return start[a] < start[b]; });
  }
  return order;
}
}  // namespace

Dataset DatasetBuilder::build() && {
  Dataset d = std::move(d_);
  const size_t n = d.start_day_.size();
  if (has_text_) {
    // Columns without any text are dropped rather than padded to n empty rows.
    for (StringColumn* c : {&d.id_, &d.place_, &d.admin1_, &d.country_, &d.summary_, &d.sources_}) {
      c->clear_if_all_empty();
      if (!c->empty_column())
        c->pad_to(n);
    }
    d.source_line_.resize(n, 0);
  }
  const bool sorted = std::is_sorted(d.start_day_.begin(), d.start_day_.end());
  if (!sorted) {
    const std::vector<uint32_t> order = order_by_start_day(d.start_day_);
    auto apply = [&](auto& v) {
      if (v.empty()) return;
      std::remove_reference_t<decltype(v)> out;
      out.reserve(n);
      for (uint32_t r : order) out.push_back(v[r]);
      v = std::move(out);
    };
    apply(d.start_day_);
    apply(d.end_day_);
    apply(d.lon_deg_);
    apply(d.lat_deg_);
    apply(d.killed_);
    apply(d.wounded_);
    apply(d.type_);
    apply(d.loc_precision_);
    apply(d.date_precision_);
    apply(d.flags_);
    apply(d.source_line_);
    for (StringColumn* c : {&d.id_, &d.place_, &d.admin1_, &d.country_, &d.summary_, &d.sources_})
      c->permute(order);
  }
  for (StringColumn* c : {&d.id_, &d.place_, &d.admin1_, &d.country_, &d.summary_, &d.sources_})
    c->clear_if_all_empty();
  d.long_rows_.clear();
  for (uint32_t i = 0; i < n; ++i)
    if (d.end_day_[i] - d.start_day_[i] > Dataset::kShortMaxDays) d.long_rows_.push_back(i);
  d.long_rows_.shrink_to_fit();
  d_ = Dataset{};
  has_text_ = false;
  return d;
}

}  // namespace driftmap::core
