// Feedback filters, demand and insights. See insights.h.

#include "features/insights.h"

#include "base/text.h"
#include "features/suggest.h"
#include "workspace/customers.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace pops {

namespace {

long id_number(const std::string& id)
{
  const size_t dash = id.rfind('-');
  long n = 0;
  for (size_t i = dash == std::string::npos ? id.size() : dash + 1; i < id.size() && n < 1'000'000'000; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      return 0;
    }
    n = n * 10 + (id[i] - '0');
  }
  return n;
}

bool is_open(const Item& it)
{
  return it.status.value != "shipped" && it.status.value != "dropped";
}

bool in_period(const Feedback& fb, Date since, Date until)
{
  return fb.date.set && fb.date.value >= since && fb.date.value <= until;
}

/// The keys an entry counts under for `by`.
std::vector<std::string> keys_of(const Feedback& fb, const std::string& by,
                                 const std::map<std::string, CustomerArr>& arr)
{
  std::vector<std::string> out;
  if (by == "item") {
    for (const auto& i : fb.items) {
      if (std::find(out.begin(), out.end(), i.value) == out.end()) {
        out.push_back(i.value);
      }
    }
  } else if (by == "tag") {
    for (const auto& t : fb.tags) {
      if (std::find(out.begin(), out.end(), t.value) == out.end()) {
        out.push_back(t.value);
      }
    }
    if (out.empty()) {
      out.emplace_back();
    }
  } else if (by == "segment") {
    out.push_back(segment_of(fb, arr));
  } else if (by == "source") {
    out.push_back(fb.source.value);
  } else {
    auto it = fb.customer.set ? arr.find(customer_key(fb.customer.value)) : arr.end();
    out.push_back(it != arr.end() && !it->second.record.empty() ? it->second.record
                  : fb.customer.set                             ? std::string(trim(fb.customer.value))
                                                                : std::string());
  }
  return out;
}

bool demand_before(const Demand& a, const Demand& b)
{
  if (a.arr.has_value() != b.arr.has_value()) {
    return a.arr.has_value();
  }
  if (a.arr && *a.arr != *b.arr) {
    return *a.arr > *b.arr;
  }
  if (a.customers != b.customers) {
    return a.customers > b.customers;
  }
  return a.entries > b.entries;
}

}  // namespace

std::string customer_key(std::string_view name)
{
  return lower(trim(name));
}

std::vector<const Feedback*> filter_feedback(const Workspace& ws, const FeedbackFilter& f)
{
  // A customer asked for by its record's name or an alias matches every entry naming that record; a
  // name without a record matches entries of that name, case aside.
  const CustomerIndex records(ws);
  std::set<std::string> customers;
  std::set<const Customer*> wanted_records;
  for (const auto& c : f.customers) {
    if (const Customer* r = records.find(c)) {
      wanted_records.insert(r);
    } else {
      customers.insert(customer_key(c));
    }
  }
  std::vector<const Feedback*> out;
  for (const auto& fb : ws.feedback) {
    if (f.unlinked && !fb.items.empty()) {
      continue;
    }
    if ((f.since && (!fb.date.set || fb.date.value < *f.since))
        || (f.until && (!fb.date.set || fb.date.value > *f.until))) {
      continue;
    }
    auto any = [](const std::vector<LStr>& have, const std::vector<std::string>& want) {
      if (want.empty()) {
        return true;
      }
      for (const auto& h : have) {
        if (std::find(want.begin(), want.end(), h.value) != want.end()) {
          return true;
        }
      }
      return false;
    };
    if (!any(fb.tags, f.tags) || !any(fb.items, f.items)) {
      continue;
    }
    if ((!customers.empty() || !wanted_records.empty()) && !customers.count(customer_key(fb.customer.value))
        && !(fb.customer.set && wanted_records.count(records.find(fb.customer.value)))) {
      continue;
    }
    out.push_back(&fb);
  }
  std::stable_sort(out.begin(), out.end(), [](const Feedback* a, const Feedback* b) {
    if (a->date.value != b->date.value) {
      return a->date.value < b->date.value;
    }
    return id_number(a->id.value) < id_number(b->id.value);
  });
  return out;
}

std::map<std::string, CustomerArr> customer_arr(const Workspace& ws)
{
  std::map<std::string, CustomerArr> out;
  std::map<std::string, Date> when;
  const CustomerIndex records(ws);
  // The ARR of the entries, by customer: by its record's name when a record ties the spelling.
  for (const auto& fb : ws.feedback) {
    if (!fb.customer.set || trim(fb.customer.value).empty()) {
      continue;
    }
    const Customer* rec = records.find(fb.customer.value);
    const std::string k = customer_key(rec ? rec->name.value : fb.customer.value);
    if (!fb.arr.set) {
      continue;
    }
    auto it = out.find(k);
    const Date d = fb.date.value;
    if (it == out.end() || d > when[k] || (d == when[k] && fb.arr.value > it->second.arr)) {
      out[k] = {rec ? rec->name.value : std::string(trim(fb.customer.value)), fb.arr.value, true, fb.id.value, {}, {}};
      when[k] = d;
    }
  }
  // The records: their ARR and segment over the entries'.
  for (const Customer& c : ws.customers) {
    if (!c.name.set || records.find(c.name.value) != &c) {
      continue;
    }
    CustomerArr& a = out[customer_key(c.name.value)];
    a.name = c.name.value;
    a.record = c.name.value;
    if (c.arr.set) {
      a.arr = c.arr.value;
      a.has_arr = true;
      a.from = c.file;
    }
    a.segment = c.segment.value;
  }
  // Every other spelling feedback uses for a record, and every alias, finds the record's figures.
  auto alias = [&](std::string_view spelling) {
    const Customer* rec = records.find(spelling);
    const std::string k = customer_key(spelling);
    if (rec && k != customer_key(rec->name.value)) {
      out[k] = out[customer_key(rec->name.value)];
    }
  };
  for (const Customer& c : ws.customers) {
    for (const LStr& a : c.aliases) {
      alias(a.value);
    }
  }
  for (const auto& fb : ws.feedback) {
    if (fb.customer.set && !trim(fb.customer.value).empty()) {
      alias(fb.customer.value);
    }
  }
  return out;
}

std::string segment_of(const Feedback& fb, const std::map<std::string, CustomerArr>& arr)
{
  auto it = arr.find(customer_key(fb.customer.value));
  return it != arr.end() && !it->second.segment.empty() ? it->second.segment : fb.segment.value;
}

Demand demand_of(const std::vector<const Feedback*>& entries, const std::map<std::string, CustomerArr>& arr)
{
  Demand d;
  std::set<std::string> seen;
  for (const Feedback* fb : entries) {
    ++d.entries;
    d.feedback.push_back(fb->id.value);
    std::string k = customer_key(fb->customer.value);
    if (k.empty()) {
      continue;
    }
    auto it = arr.find(k);
    const bool recorded = it != arr.end() && !it->second.record.empty();
    if (!seen.insert(recorded ? "\x01" + customer_key(it->second.record) : k).second) {
      continue;
    }
    ++d.customers;
    const std::string shown = recorded ? it->second.record : std::string(trim(fb->customer.value));
    if (it == arr.end() || !it->second.has_arr) {
      d.by_customer.emplace_back(shown, std::nullopt);
      continue;
    }
    d.by_customer.emplace_back(shown, it->second.arr);
    d.arr = d.arr.value_or(0) + it->second.arr;
  }
  return d;
}

Themes feedback_themes(const std::vector<const Feedback*>& entries)
{
  Themes t;
  std::vector<std::set<std::string>> terms(entries.size());
  std::map<std::string, std::string> surface;  // term -> the first word it comes from
  for (size_t i = 0; i < entries.size(); ++i) {
    const Feedback& fb = *entries[i];
    std::string text = fb.quote.value + "\n" + fb.summary.value;
    for (const auto& tag : fb.tags) {
      text += "\n" + tag.value;
    }
    for (auto& [term, word] : terms_and_words(text)) {
      surface.emplace(term, word);
      terms[i].insert(term);
    }
  }
  std::vector<bool> taken(entries.size(), false);
  for (;;) {
    std::map<std::string, int> df;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!taken[i]) {
        for (const auto& term : terms[i]) {
          ++df[term];
        }
      }
    }
    std::string best;
    int most = 1;
    for (const auto& [term, n] : df) {  // alphabetical, so the first of a tie wins
      if (n > most) {
        best = term;
        most = n;
      }
    }
    if (best.empty()) {
      break;
    }
    const std::string key = surface[best];
    std::map<std::string, int> co;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (!taken[i] && terms[i].count(best)) {
        taken[i] = true;
        t.theme_of[entries[i]] = key;
        for (const auto& term : terms[i]) {
          if (term != best) {
            ++co[term];
          }
        }
      }
    }
    std::vector<std::pair<int, std::string>> others;
    for (const auto& [term, n] : co) {
      if (n >= 2) {
        others.emplace_back(-n, term);
      }
    }
    std::sort(others.begin(), others.end());
    std::vector<std::string> words;
    for (size_t k = 0; k < others.size() && k < 3; ++k) {
      words.push_back(surface[others[k].second]);
    }
    t.words[key] = join(words, ", ");
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!taken[i]) {
      t.theme_of[entries[i]] = "";
    }
  }
  return t;
}

Insights compute_insights(const Workspace& ws, const InsightOptions& o)
{
  static const std::vector<std::string> k_by = {"item", "tag", "segment", "source", "customer", "theme"};
  if (std::find(k_by.begin(), k_by.end(), o.by) == k_by.end()) {
    throw std::invalid_argument(fmt::format(
      "unknown grouping '{}'{}; use item, tag, segment, source, customer or theme", o.by, did_you_mean(o.by, k_by)));
  }
  Insights r;
  r.by = o.by;
  r.until = o.until ? *o.until : (o.since && *o.since > o.today ? *o.since : o.today);
  r.since = o.since ? *o.since : Date{r.until.days - 89};
  if (r.since > r.until) {
    throw std::invalid_argument(
      fmt::format("the period ends ({}) before it starts ({})", format_date(r.until), format_date(r.since)));
  }
  const int len = r.until.days - r.since.days + 1;
  r.prev_until = Date{r.since.days - 1};
  r.prev_since = Date{r.since.days - len};
  const auto arr = customer_arr(ws);

  std::map<std::string, std::pair<std::vector<const Feedback*>, std::vector<const Feedback*>>> groups;
  std::vector<const Feedback*> sorted = filter_feedback(ws, {});
  // Themes are found over the entries of both periods, linked or not.
  Themes themes;
  if (r.by == "theme") {
    std::vector<const Feedback*> both;
    for (const Feedback* fb : sorted) {
      if (in_period(*fb, r.since, r.until) || in_period(*fb, r.prev_since, r.prev_until)) {
        both.push_back(fb);
      }
    }
    themes = feedback_themes(both);
  }
  for (const Feedback* fb : sorted) {
    const bool now = in_period(*fb, r.since, r.until);
    const bool before = in_period(*fb, r.prev_since, r.prev_until);
    if (!now && !before) {
      continue;
    }
    if (r.by == "item" && fb->items.empty()) {
      continue;
    }
    for (const auto& k : r.by == "theme" ? std::vector<std::string>{themes.theme_of[fb]} : keys_of(*fb, r.by, arr)) {
      auto& g = groups[k];
      (now ? g.first : g.second).push_back(fb);
    }
  }
  // Customers are grouped ignoring case.
  if (r.by == "customer") {
    std::map<std::string, std::pair<std::vector<const Feedback*>, std::vector<const Feedback*>>> merged;
    std::map<std::string, std::string> shown;
    for (auto& [k, g] : groups) {
      const std::string ck = customer_key(k);
      shown.emplace(ck, k);
      auto& m = merged[shown[ck]];
      m.first.insert(m.first.end(), g.first.begin(), g.first.end());
      m.second.insert(m.second.end(), g.second.begin(), g.second.end());
    }
    groups = std::move(merged);
  }
  for (auto& [k, g] : groups) {
    InsightGroup ig;
    ig.key = k;
    if (r.by == "item") {
      if (const Item* it = ws.item(k)) {
        ig.label = it->title.value;
      }
    } else if (r.by == "theme") {
      ig.label = themes.words[k];
    }
    ig.unlinked = static_cast<int>(
      std::count_if(g.first.begin(), g.first.end(), [](const Feedback* f) { return f->items.empty(); }));
    ig.now = demand_of(g.first, arr);
    ig.before = demand_of(g.second, arr);
    ig.trend = ig.now.entries - ig.before.entries;
    if (ig.before.entries > 0) {
      ig.trend_pct = 100.0 * ig.trend / ig.before.entries;
    }
    r.groups.push_back(std::move(ig));
  }
  std::stable_sort(r.groups.begin(), r.groups.end(), [](const InsightGroup& a, const InsightGroup& b) {
    if (a.now.entries == 0 || b.now.entries == 0) {
      if ((a.now.entries == 0) != (b.now.entries == 0)) {
        return b.now.entries == 0;
      }
    }
    return demand_before(a.now, b.now);
  });
  if (r.by == "theme") {  // the entries in no theme last
    std::stable_partition(r.groups.begin(), r.groups.end(), [](const InsightGroup& g) { return !g.key.empty(); });
  }

  // Unlinked feedback of the period, by tag.
  std::map<std::string, std::vector<std::string>> unlinked;
  for (const Feedback* fb : sorted) {
    if (!fb->items.empty() || !in_period(*fb, r.since, r.until)) {
      continue;
    }
    for (const auto& t : keys_of(*fb, "tag", arr)) {
      unlinked[t].push_back(fb->id.value);
    }
  }
  for (auto& [t, ids] : unlinked) {
    r.unlinked_by_tag.emplace_back(t, std::move(ids));
  }
  std::stable_sort(r.unlinked_by_tag.begin(), r.unlinked_by_tag.end(), [](const auto& a, const auto& b) {
    if (a.second.size() != b.second.size()) {
      return a.second.size() > b.second.size();
    }
    return !a.first.empty() && b.first.empty();  // untagged last
  });

  // Items: demand in the period, and any evidence at all.
  std::map<std::string, std::vector<const Feedback*>> by_item;
  std::set<std::string> evidenced;
  for (const Feedback* fb : sorted) {
    for (const auto& i : fb->items) {
      evidenced.insert(i.value);
      if (in_period(*fb, r.since, r.until)) {
        auto& v = by_item[i.value];
        if (std::find(v.begin(), v.end(), fb) == v.end()) {
          v.push_back(fb);
        }
      }
    }
  }
  for (const auto& it : ws.items) {
    if (!is_open(it) || ws.item(it.id.value) != &it) {
      continue;
    }
    if (it.horizon.value == "later" || it.status.value == "idea") {
      auto f = by_item.find(it.id.value);
      if (f != by_item.end()) {
        Demand d = demand_of(f->second, arr);
        if (d.customers >= o.min_customers) {
          r.high_demand_later.push_back({&it, std::move(d)});
        }
      }
    }
    if (it.horizon.value == "now" && !evidenced.count(it.id.value)) {
      r.now_without_evidence.push_back(&it);
    }
  }
  std::stable_sort(r.high_demand_later.begin(), r.high_demand_later.end(),
                   [](const ItemDemand& a, const ItemDemand& b) { return demand_before(a.demand, b.demand); });
  return r;
}

}  // namespace pops
