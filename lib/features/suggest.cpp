#include "features/suggest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace pops {

namespace {

const std::set<std::string, std::less<>> k_stopwords = {
  "a",     "about",  "after", "all",  "also", "an",    "and",  "any",     "are",   "as",    "at",     "be",   "because",
  "been",  "before", "but",   "by",   "can",  "could", "do",   "does",    "don",   "every", "for",    "from", "get",
  "gets",  "had",    "has",   "have", "how",  "i",     "if",   "in",      "into",  "is",    "it",     "its",  "just",
  "keep",  "let",    "like",  "make", "me",   "more",  "most", "much",    "my",    "need",  "needs",  "no",   "not",
  "of",    "on",     "one",   "only", "or",   "our",   "out",  "please",  "s",     "same",  "should", "so",   "some",
  "t",     "take",   "than",  "that", "the",  "their", "them", "then",    "there", "these", "they",   "this", "those",
  "to",    "too",    "up",    "us",   "use",  "very",  "want", "wants",   "was",   "we",    "were",   "what", "when",
  "where", "which",  "while", "who",  "why",  "will",  "with", "without", "would", "you",   "your",   "d",    "ll",
  "re",    "ve",     "m",     "via",  "each", "it's",
};

std::string stem(std::string w)
{
  auto cut = [&](std::string_view end, size_t keep) {
    if (w.size() >= end.size() + keep && std::string_view(w).substr(w.size() - end.size()) == end) {
      w.resize(w.size() - end.size());
      return true;
    }
    return false;
  };
  if (cut("ing", 4) || cut("ed", 4)) {
    return w;
  }
  if (w.size() > 4 && w.ends_with("ies")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us")) {
    w.pop_back();
  }
  return w;
}

/// A term vector: term -> weight.
using Vec = std::unordered_map<std::string, double>;

std::string entry_text(const Feedback& fb)
{
  std::string t = fb.quote.value + "\n" + fb.summary.value;
  for (const auto& tag : fb.tags) {
    t += "\n" + tag.value;
  }
  return t;
}

struct Index {
  std::vector<const Item*> items;
  // Per item: term counts of its own text, and of each linked entry's text by entry.
  std::vector<std::map<std::string, double>> own;
  std::vector<std::vector<std::pair<const Feedback*, std::map<std::string, double>>>> linked;
};

void add_terms(std::map<std::string, double>& into, std::string_view text, double weight)
{
  for (auto& t : suggest_terms(text)) {
    into[t] += weight;
  }
}

Index build_index(const Workspace& ws)
{
  Index ix;
  std::unordered_map<std::string, size_t> pos;
  for (const Item& it : ws.items) {
    if (!it.id.set || it.status.value == "dropped" || pos.count(it.id.value)) {
      continue;
    }
    pos[it.id.value] = ix.items.size();
    ix.items.push_back(&it);
    std::map<std::string, double> own;
    add_terms(own, it.title.value, 2.0);
    add_terms(own, it.description.value, 1.0);
    for (const auto& t : it.tags) {
      add_terms(own, t.value, 2.0);
    }
    if (const Squad* sq = ws.config.squad(it.squad.value)) {
      add_terms(own, sq->name.set ? sq->name.value : sq->id.value, 0.5);
    }
    ix.own.push_back(std::move(own));
    ix.linked.emplace_back();
  }
  for (const Feedback& fb : ws.feedback) {
    std::set<size_t> seen;
    for (const auto& id : fb.items) {
      auto p = pos.find(id.value);
      if (p == pos.end() || !seen.insert(p->second).second) {
        continue;
      }
      std::map<std::string, double> terms;
      add_terms(terms, entry_text(fb), 1.0);
      ix.linked[p->second].emplace_back(&fb, std::move(terms));
    }
  }
  return ix;
}

std::vector<SuggestedItem> rank(const Index& ix, const Feedback& query, size_t top)
{
  // The documents without the query's own text; document frequencies over them.
  const size_t n = ix.items.size();
  std::vector<std::map<std::string, double>> docs(n);
  std::map<std::string, size_t> df;
  for (size_t i = 0; i < n; ++i) {
    docs[i] = ix.own[i];
    for (const auto& [fb, terms] : ix.linked[i]) {
      if (fb == &query) {
        continue;
      }
      for (const auto& [t, c] : terms) {
        docs[i][t] += c;
      }
    }
    for (const auto& [t, c] : docs[i]) {
      ++df[t];
    }
  }
  auto idf = [&](const std::string& t) {
    auto it = df.find(t);
    const double d = it == df.end() ? 0.0 : static_cast<double>(it->second);
    return std::log((1.0 + static_cast<double>(n)) / (1.0 + d)) + 1.0;
  };
  auto weigh = [&](const std::map<std::string, double>& counts) {
    Vec v;
    double norm = 0;
    for (const auto& [t, c] : counts) {
      const double w = (1.0 + std::log(c < 1 ? 1.0 : c)) * idf(t);
      v[t] = w;
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [t, w] : v) {
      w /= norm;
    }
    return v;
  };
  std::map<std::string, double> qcounts;
  std::map<std::string, std::string> word_of;  // term -> the first word of the entry it comes from
  for (auto& [term, word] : terms_and_words(entry_text(query))) {
    qcounts[term] += 1.0;
    word_of.emplace(term, word);
  }
  std::vector<SuggestedItem> out;
  if (qcounts.empty()) {
    return out;
  }
  const Vec q = weigh(qcounts);
  for (size_t i = 0; i < n; ++i) {
    if (docs[i].empty()) {
      continue;
    }
    const Vec d = weigh(docs[i]);
    double score = 0;
    std::vector<std::pair<double, std::string>> parts;
    for (const auto& [t, w] : q) {
      if (auto it = d.find(t); it != d.end()) {
        score += w * it->second;
        parts.emplace_back(w * it->second, t);
      }
    }
    if (score <= 0) {
      continue;
    }
    std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    SuggestedItem s;
    s.id = ix.items[i]->id.value;
    s.score = score;  // ranked on the exact score, rounded below
    for (size_t k = 0; k < parts.size() && k < 5; ++k) {
      s.why.push_back(word_of[parts[k].second]);
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const SuggestedItem& a, const SuggestedItem& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (out.size() > top) {
    out.resize(top);
  }
  for (auto& s : out) {
    s.score = std::min(1.0, std::round(s.score * 100) / 100);
  }
  return out;
}

}  // namespace

std::vector<std::string> suggest_terms(std::string_view text)
{
  std::vector<std::string> out;
  for (auto& [term, word] : terms_and_words(text)) {
    out.push_back(std::move(term));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> terms_and_words(std::string_view text)
{
  std::vector<std::pair<std::string, std::string>> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) {
      if (!k_stopwords.count(cur) && !(cur.size() == 1 && !(cur[0] >= '0' && cur[0] <= '9'))) {
        out.emplace_back(stem(cur), cur);
      }
      cur.clear();
    }
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      cur += ch;
    } else if (c >= 'A' && c <= 'Z') {
      cur += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'' && !cur.empty()) {
      flush();  // "can't" -> "can", "t"
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::vector<Suggestion> suggest_links(const Workspace& ws, const SuggestOptions& o)
{
  std::vector<const Feedback*> chosen;
  if (!o.ids.empty()) {
    for (const auto& id : o.ids) {
      auto it =
        std::find_if(ws.feedback.begin(), ws.feedback.end(), [&](const Feedback& f) { return f.id.value == id; });
      if (it == ws.feedback.end()) {
        throw std::invalid_argument(id);
      }
      chosen.push_back(&*it);
    }
  } else {
    for (const Feedback& fb : ws.feedback) {
      if (fb.id.set && (o.include_linked || fb.items.empty())) {
        chosen.push_back(&fb);
      }
    }
  }
  const Index ix = build_index(ws);
  std::vector<Suggestion> out;
  for (const Feedback* fb : chosen) {
    out.push_back({fb->id.value, rank(ix, *fb, o.top)});
  }
  return out;
}

SuggestAccuracy suggest_accuracy(const Workspace& ws)
{
  const Index ix = build_index(ws);
  SuggestAccuracy a;
  for (const Feedback& fb : ws.feedback) {
    std::set<std::string> links;
    for (const auto& id : fb.items) {
      const Item* it = ws.item(id.value);
      if (it && it->status.value != "dropped") {
        links.insert(id.value);
      }
    }
    if (!fb.id.set || links.empty()) {
      continue;
    }
    ++a.entries;
    const auto ranked = rank(ix, fb, 3);
    if (!ranked.empty() && links.count(ranked[0].id)) {
      ++a.top1;
    }
    if (std::any_of(ranked.begin(), ranked.end(), [&](const SuggestedItem& s) { return links.count(s.id) > 0; })) {
      ++a.top3;
    }
  }
  return a;
}

}  // namespace pops
