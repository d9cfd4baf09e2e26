// The feedback rules: customer-duplicate (one customer written two ways), feedback-duplicate (an
// entry that repeats another of the same customer), and the normalization of customer names they
// compare by.

#include "check/rule_impl.h"

#include "base/text.h"
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

namespace {

// U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A) folded to lowercase ASCII:
// accents dropped (é -> e), ligatures and special letters spelled out (ß -> ss, Æ -> ae, Ł -> l);
// × and ÷ are separators.
constexpr std::array<std::string_view, 0x180 - 0xC0> k_latin_fold = {
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",
  "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
  "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
  "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
  "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
  "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
  "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
  "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
  "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

// Legal forms that end a company name and are dropped: "Globex GmbH", "Acme, Inc.", "Initech S.A.".
const std::set<std::string, std::less<>> k_legal_suffixes = {
  "ab",    "ag",      "as",     "bv",  "co",  "company", "corp", "corporation", "gmbh", "inc",
  "incorporated", "kg", "kk",   "llc", "llp", "lp",      "ltd",  "limited",     "nv",   "oy",
  "plc",   "pte",     "pty",    "sa",  "sarl", "sas",    "se",   "spa",         "srl",
};

/// Decodes one UTF-8 code point at s[i] (advancing i); an invalid byte is U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i)
{
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((c >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += static_cast<size_t>(len);
  return cp;
}

/// The words of a text, folded: ASCII case, the Latin letters of k_latin_fold, dots and apostrophes
/// inside a word dropped (S.A. -> sa, O'Brien -> obrien), & as "and", every other ASCII punctuation
/// and Unicode space or punctuation (U+00A0, U+2000..U+206F, U+3000..U+303F) a separator. Other
/// characters (Greek, CJK ...) are kept as they are.
std::vector<std::string> folded_words(std::string_view s)
{
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    const size_t from = i;
    const char32_t cp = next_code_point(s, i);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        cur += c;
      } else if (c >= 'A' && c <= 'Z') {
        cur += static_cast<char>(c - 'A' + 'a');
      } else if (c == '.' || c == '\'') {
        // inside a word: dropped
      } else if (c == '&') {
        flush();
        words.emplace_back("and");
      } else {
        flush();
      }
    } else if (cp >= 0xC0 && cp < 0x180) {
      const std::string_view f = k_latin_fold[cp - 0xC0];
      if (f == " ") {
        flush();
      } else {
        cur += f;
      }
    } else if (cp == 0xA0 || (cp >= 0x80 && cp < 0xC0) || (cp >= 0x2000 && cp <= 0x206F)
               || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || cp == 0xFFFD) {
      if (cp == 0x2019) {
        continue;  // a typographic apostrophe, as '
      }
      flush();
    } else {
      cur.append(s.substr(from, i - from));
    }
  }
  flush();
  return words;
}

} // namespace

std::string normalized_customer(std::string_view name)
{
  std::vector<std::string> w = folded_words(name);
  // Legal forms at the end, and what joins them ("GmbH & Co. KG"), while a name is left.
  while (w.size() > 1 && (k_legal_suffixes.count(w.back()) || w.back() == "and")) {
    w.pop_back();
  }
  if (w.size() > 1 && w.front() == "the") {
    w.erase(w.begin());
  }
  std::string out;
  for (const auto& x : w) {
    out += x;
  }
  return out;
}

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

void rule_customer_duplicate(const RuleContext& c)
{
  // Each spelling (trimmed) with its first entry and its number of entries, in file order.
  struct Spelling {
    std::string name, key;
    const Feedback* first = nullptr;
    size_t entries = 0;
  };
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
      spellings.push_back({name, std::move(key), &fb, 0});
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
    if (&main != &sp) {
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
      // The one with fewer entries is reported (the later written on a tie).
      const bool i_main = better(*mains[i], *mains[j])
                          || (!better(*mains[j], *mains[i]) && mains[i]->first < mains[j]->first);
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

void rule_feedback_duplicate(const RuleContext& c)
{
  // Entries by customer, in file order, then each pair of one customer compared.
  std::map<std::string, std::vector<const Feedback*>> by_customer;
  for (const Feedback& fb : c.ws.feedback) {
    if (!fb.id.set || !fb.date.set || !fb.customer.set) {
      continue;
    }
    const bool tagged = std::any_of(fb.tags.begin(), fb.tags.end(), [](const LStr& t) { return t.value == "duplicate"; });
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
                          days == 0 ? "the same day" : days == 1 ? "1 day apart" : fmt::format("{} days apart", days),
                          later->id.value),
              c.squads_of(*later));
      }
    }
  }
}

} // namespace pops
