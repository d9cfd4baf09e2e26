// The feedback rules: customer-duplicate (one customer written two ways, unless a customer record
// ties them by an alias), customer-unknown (a name no customer record has), feedback-duplicate (an
// entry that repeats another of the same customer). Names are compared by normalized_customer
// (workspace/customers.h).

#include "check/rule_impl.h"

#include "base/text.h"
#include "workspace/customers.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

double text_similarity(std::string_view a, std::string_view b)
{
  std::vector<std::string> wa = folded_words(a);
  std::vector<std::string> wb = folded_words(b);
  std::set<std::string> sa(wa.begin(), wa.end());
  std::set<std::string> sb(wb.begin(), wb.end());
  if (sa.empty() && sb.empty()) {
    return 1;
  }
  size_t common = 0;
  for (const auto& x : sa) {
    common += sb.count(x);
  }
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

void rule_customer_records_duplicate(const RuleContext& c);

void rule_customer_duplicate(const RuleContext& c)
{
  rule_customer_records_duplicate(c);
  // Each spelling (trimmed) with its first entry and its number of entries, in file order.
  // A spelling a record ties (its name or an alias) is grouped by the record: never a duplicate of
  // another spelling of the same record.
  struct Spelling {
    std::string name, key;
    const Feedback* first = nullptr;
    size_t entries = 0;
    const Customer* record = nullptr;
  };
  const CustomerIndex records(c.ws);
  std::vector<Spelling> spellings;
  std::map<std::string, size_t, std::less<>> index;
  for (const Feedback& fb : c.ws.feedback) {
    if (!fb.customer.set) {
      continue;
    }
    const std::string name(trim(fb.customer.value));
    std::string key = normalized_customer(name);
    if (key.empty()) {
      continue;
    }
    auto [it, fresh] = index.emplace(name, spellings.size());
    if (fresh) {
      const Customer* rec = records.find(name);
      spellings.push_back({name, rec ? normalized_customer(rec->name.value) : std::move(key), &fb, 0, rec});
    }
    ++spellings[it->second].entries;
  }
  // The name of a group: the spelling with the most entries, the first written on a tie.
  auto better = [](const Spelling& a, const Spelling& b) { return a.entries > b.entries; };
  std::map<std::string, const Spelling*> main_of;  // normalized name -> its main spelling
  for (const Spelling& sp : spellings) {
    auto [it, fresh] = main_of.emplace(sp.key, &sp);
    if (!fresh && better(sp, *it->second)) {
      it->second = &sp;
    }
  }
  auto entries = [](size_t n) { return n == 1 ? std::string("1 entry") : fmt::format("{} entries", n); };
  auto report = [&](const Spelling& sp, const Spelling& main, std::string how) {
    c.add(sp.first->file, sp.first->customer.loc, "customer-duplicate",
          fmt::format("customer {} ({}) {} {} ({}, {}:{}){}; write {} in each entry so that they count as one "
                      "customer",
                      quote(sp.name), entries(sp.entries), how, quote(main.name), entries(main.entries),
                      main.first->file, main.first->customer.loc.line,
                      how == "is close to" ? fmt::format(" (did you mean {}?)", quote(main.name)) : "",
                      quote(main.name)),
          c.squads_of(*sp.first));
  };
  for (const Spelling& sp : spellings) {
    const Spelling& main = *main_of.at(sp.key);
    if (&main != &sp && !(sp.record && sp.record == main.record)) {
      report(sp, main, "is the name of");
    }
  }
  // Very close names of different groups: one or two letters apart (two from 8 letters on), with the
  // same digits (numbers tell customers apart: "Store 12" and "Store 13" are two). Each name is
  // reported once, against the closest group (the one with most entries on a tie), so the findings
  // grow with the names, never with their pairs.
  std::vector<const Spelling*> mains;
  for (const auto& [key, sp] : main_of) {
    mains.push_back(sp);
  }
  auto digits_of = [](const std::string& k) {
    std::string d;
    for (char ch : k) {
      if (ch >= '0' && ch <= '9') {
        d += ch;
      }
    }
    return d;
  };
  std::vector<std::string> digits(mains.size());
  for (size_t i = 0; i < mains.size(); ++i) {
    digits[i] = digits_of(mains[i]->key);
  }
  struct Closest {
    const Spelling* main = nullptr;
    int distance = 0;
  };
  std::map<const Spelling*, Closest> closest;  // reported spelling -> the group it is closest to
  for (size_t i = 0; i < mains.size(); ++i) {
    for (size_t j = i + 1; j < mains.size(); ++j) {
      const std::string& a = mains[i]->key;
      const std::string& b = mains[j]->key;
      const size_t shorter = std::min(a.size(), b.size());
      const int limit = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
      const size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
      if (limit == 0 || diff > static_cast<size_t>(limit) || digits[i] != digits[j]) {
        continue;
      }
      const int d = edit_distance(a, b);
      if (d > limit) {
        continue;
      }
      if (mains[i]->record && mains[j]->record) {
        continue;  // two records: two customers, as written down
      }
      // The one with fewer entries is reported (the later written on a tie).
      const bool i_main =
        better(*mains[i], *mains[j]) || (!better(*mains[j], *mains[i]) && mains[i]->first < mains[j]->first);
      const Spelling* reported = i_main ? mains[j] : mains[i];
      const Spelling* main = i_main ? mains[i] : mains[j];
      auto [it, fresh] = closest.emplace(reported, Closest{main, d});
      if (!fresh && (d < it->second.distance || (d == it->second.distance && better(*main, *it->second.main)))) {
        it->second = Closest{main, d};
      }
    }
  }
  for (const Spelling& sp : spellings) {
    if (auto it = closest.find(&sp); it != closest.end()) {
      report(sp, *it->second.main, "is close to");
    }
  }
}

void rule_customer_records_duplicate(const RuleContext& c)
{
  // Each folded name or alias with the record that first has it; a later record with the same one
  // is the same customer written down twice.
  std::map<std::string, const Customer*> first_of;
  for (const Customer& rec : c.ws.customers) {
    if (!rec.name.set) {
      continue;
    }
    std::vector<const LStr*> names = {&rec.name};
    for (const LStr& a : rec.aliases) {
      names.push_back(&a);
    }
    std::set<const Customer*> reported;
    for (const LStr* n : names) {
      const std::string k = normalized_customer(n->value);
      if (k.empty()) {
        continue;
      }
      auto [it, fresh] = first_of.emplace(k, &rec);
      if (fresh || it->second == &rec || !reported.insert(it->second).second) {
        continue;
      }
      const Customer& other = *it->second;
      c.add(rec.file, n->loc, "customer-duplicate",
            fmt::format("customer record {} ({}:{}) has the name {} of the record {} ({}:{}); merge the two "
                        "records (pops customer merge {} {})",
                        quote(rec.name.value), rec.file, rec.name.loc.line, quote(n->value), quote(other.name.value),
                        other.file, other.name.loc.line, quote(other.name.value), quote(rec.name.value)),
            {});
    }
  }
}

void rule_customer_unknown(const RuleContext& c)
{
  if (c.ws.customers.empty()) {
    return;
  }
  const CustomerIndex records(c.ws);
  // Every folded name and alias of the records, with the name to suggest.
  std::vector<std::pair<std::string, std::string>> known;
  for (const Customer& rec : c.ws.customers) {
    if (!rec.name.set) {
      continue;
    }
    // The whole name and alias, and their first word ("umbrella" of Umbrella Health).
    auto add = [&](const std::string& n) {
      known.emplace_back(normalized_customer(n), rec.name.value);
      if (const std::vector<std::string> w = folded_words(n); w.size() > 1) {
        known.emplace_back(w.front(), rec.name.value);
      }
    };
    add(rec.name.value);
    for (const LStr& a : rec.aliases) {
      add(a.value);
    }
  }
  for (const Feedback& fb : c.ws.feedback) {
    if (!fb.customer.set || trim(fb.customer.value).empty() || records.find(fb.customer.value)) {
      continue;
    }
    const std::string k = normalized_customer(fb.customer.value);
    std::string best;
    int best_d = 0;
    for (const auto& [key, name] : known) {
      const int d = edit_distance(k, key);
      const int limit = std::max<int>(1, static_cast<int>(std::min(k.size(), key.size()) / 3));
      if (d <= limit && (best.empty() || d < best_d)) {
        best = name;
        best_d = d;
      }
    }
    c.add(fb.file, fb.customer.loc, "customer-unknown",
          fmt::format(
            "{}: customer {} is in no customer record of customers.yaml{}; add it (pops customer add "
            "{}) or write a record's name or alias",
            fb.id.set ? fmt::format("feedback {}", fb.id.value) : "feedback entry", quote(trim(fb.customer.value)),
            best.empty() ? "" : fmt::format(" (did you mean {}?)", quote(best)), quote(trim(fb.customer.value))),
          c.squads_of(fb));
  }
}

void rule_feedback_duplicate(const RuleContext& c)
{
  // Entries by customer, in file order, then each pair of one customer compared.
  std::map<std::string, std::vector<const Feedback*>> by_customer;
  for (const Feedback& fb : c.ws.feedback) {
    if (!fb.id.set || !fb.date.set || !fb.customer.set) {
      continue;
    }
    const bool tagged =
      std::any_of(fb.tags.begin(), fb.tags.end(), [](const LStr& t) { return t.value == "duplicate"; });
    std::string key = normalized_customer(fb.customer.value);
    if (!tagged && !key.empty()) {
      by_customer[std::move(key)].push_back(&fb);
    }
  }
  auto text_of = [](const Feedback& fb) { return fb.quote.value + "\n" + fb.summary.value; };
  for (const auto& [key, entries] : by_customer) {
    std::set<const Feedback*> reported;
    for (size_t i = 0; i < entries.size(); ++i) {
      for (size_t j = i + 1; j < entries.size(); ++j) {
        const Feedback* a = entries[i];
        const Feedback* b = entries[j];
        const long days = std::labs(static_cast<long>(b->date.value.days) - static_cast<long>(a->date.value.days));
        if (days > k_feedback_duplicate_days) {
          continue;
        }
        const double sim = text_similarity(text_of(*a), text_of(*b));
        if (sim < k_feedback_duplicate_similarity) {
          continue;
        }
        // The later one repeats the earlier (on the same day, the one further down).
        const Feedback* later = b->date.value.days < a->date.value.days ? a : b;
        const Feedback* first = later == a ? b : a;
        if (!reported.insert(later).second) {
          continue;
        }
        c.add(later->file, later->id.loc, "feedback-duplicate",
              fmt::format("feedback {} repeats {} ({}:{}): the same customer {}, {} text, {}; delete {} if it "
                          "is not committed yet, else tag it 'duplicate'",
                          later->id.value, first->id.value, first->file, first->id.loc.line,
                          quote(later->customer.value), sim == 1 ? "the same" : "nearly the same",
                          days == 0   ? "the same day"
                          : days == 1 ? "1 day apart"
                                      : fmt::format("{} days apart", days),
                          later->id.value),
              c.squads_of(*later));
      }
    }
  }
}

}  // namespace pops
