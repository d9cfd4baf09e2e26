// Customer records (customers.yaml, format 1.3) and the one way customer names are compared:
// normalized_customer folds a name, find_customer finds the record a name or alias belongs to.

#include "workspace/customers.h"

#include <array>
#include <set>

namespace pops {

namespace {

// U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A) folded to lowercase ASCII:
// accents dropped (é -> e), ligatures and special letters spelled out (ß -> ss, Æ -> ae, Ł -> l);
// × and ÷ are separators.
constexpr std::array<std::string_view, 0x180 - 0xC0> k_latin_fold = {
  "a", "a", "a", "a", "a",  "a",  "ae", "c", "e",  "e",  "e", "e", "i", "i", "i",  "i",  "d",  "n", "o",  "o", "o", "o",
  "o", " ", "o", "u", "u",  "u",  "u",  "y", "th", "ss", "a", "a", "a", "a", "a",  "a",  "ae", "c", "e",  "e", "e", "e",
  "i", "i", "i", "i", "d",  "n",  "o",  "o", "o",  "o",  "o", " ", "o", "u", "u",  "u",  "u",  "y", "th", "y", "a", "a",
  "a", "a", "a", "a", "c",  "c",  "c",  "c", "c",  "c",  "c", "c", "d", "d", "d",  "d",  "e",  "e", "e",  "e", "e", "e",
  "e", "e", "e", "e", "g",  "g",  "g",  "g", "g",  "g",  "g", "g", "h", "h", "h",  "h",  "i",  "i", "i",  "i", "i", "i",
  "i", "i", "i", "i", "ij", "ij", "j",  "j", "k",  "k",  "k", "l", "l", "l", "l",  "l",  "l",  "l", "l",  "l", "l", "n",
  "n", "n", "n", "n", "n",  "n",  "n",  "n", "o",  "o",  "o", "o", "o", "o", "oe", "oe", "r",  "r", "r",  "r", "r", "r",
  "s", "s", "s", "s", "s",  "s",  "s",  "s", "t",  "t",  "t", "t", "t", "t", "u",  "u",  "u",  "u", "u",  "u", "u", "u",
  "u", "u", "u", "u", "w",  "w",  "y",  "y", "y",  "z",  "z", "z", "z", "z", "z",  "s",
};

// Legal forms that end a company name and are dropped: "Globex GmbH", "Acme, Inc.", "Initech S.A.".
const std::set<std::string, std::less<>> k_legal_suffixes = {
  "ab",           "ag",  "as",  "bv",  "co",   "company", "corp", "corporation", "gmbh", "inc",
  "incorporated", "kg",  "kk",  "llc", "llp",  "lp",      "ltd",  "limited",     "nv",   "oy",
  "plc",          "pte", "pty", "sa",  "sarl", "sas",     "se",   "spa",         "srl",
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
}  // namespace

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

CustomerIndex::CustomerIndex(const Workspace& ws)
{
  for (const Customer& c : ws.customers) {
    if (!c.name.set) {
      continue;
    }
    m_by_key.emplace(normalized_customer(c.name.value), &c);
  }
  for (const Customer& c : ws.customers) {
    if (!c.name.set) {
      continue;
    }
    for (const LStr& a : c.aliases) {
      m_by_key.emplace(normalized_customer(a.value), &c);  // a name wins over another's alias
    }
  }
}

const Customer* CustomerIndex::find(std::string_view name) const
{
  const std::string k = normalized_customer(name);
  if (k.empty()) {
    return nullptr;
  }
  auto it = m_by_key.find(k);
  return it == m_by_key.end() ? nullptr : it->second;
}

const Customer* find_customer(const Workspace& ws, std::string_view name)
{
  return CustomerIndex(ws).find(name);
}

}  // namespace pops
