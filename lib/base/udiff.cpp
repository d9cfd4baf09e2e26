#include "base/udiff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pops {

namespace {

/// Lines without their '\n'; `final_nl` tells whether the last one had it.
std::vector<std::string_view> split_lines(std::string_view t, bool& final_nl)
{
  std::vector<std::string_view> out;
  final_nl = true;
  size_t from = 0;
  while (from < t.size()) {
    size_t e = t.find('\n', from);
    if (e == std::string_view::npos) {
      out.push_back(t.substr(from));
      final_nl = false;
      break;
    }
    out.push_back(t.substr(from, e - from));
    from = e + 1;
  }
  return out;
}

enum class Op { same, del, add };

struct Step {
  Op op;
  size_t a;  ///< line in before (same, del)
  size_t b;  ///< line in after (same, add)
};

/// A shortest edit script by longest common subsequence over the part between the common prefix and
/// suffix (edits are small); a plain replacement when that part is too large to compare.
std::vector<Step> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b)
{
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) {
    ++pre;
  }
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  std::vector<Step> out;
  for (size_t i = 0; i < pre; ++i) {
    out.push_back({Op::same, i, i});
  }
  const size_t n = a.size() - pre - suf;
  const size_t m = b.size() - pre - suf;
  if (n * m > 4'000'000) {
    for (size_t i = 0; i < n; ++i) {
      out.push_back({Op::del, pre + i, 0});
    }
    for (size_t j = 0; j < m; ++j) {
      out.push_back({Op::add, 0, pre + j});
    }
  } else {
    // lcs[i][j]: LCS length of a[pre+i..] and b[pre+j..].
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        out.push_back({Op::same, pre + i, pre + j});
        ++i;
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.push_back({Op::del, pre + i, 0});
        ++i;
      } else {
        out.push_back({Op::add, 0, pre + j});
        ++j;
      }
    }
  }
  for (size_t k = 0; k < suf; ++k) {
    out.push_back({Op::same, a.size() - suf + k, b.size() - suf + k});
  }
  return out;
}

std::string range(size_t start, size_t count)
{
  // Like diff: an empty range names the line before it.
  if (count == 0) {
    return fmt::format("{},0", start);
  }
  return count == 1 ? fmt::format("{}", start + 1) : fmt::format("{},{}", start + 1, count);
}

} // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after, bool created,
                         int context)
{
  if (before == after && !created) {
    return {};
  }
  bool a_nl = true;
  bool b_nl = true;
  const auto a = split_lines(before, a_nl);
  const auto b = split_lines(after, b_nl);
  // Lines that differ only in the missing final line break count as different.
  std::vector<std::string> a_keys(a.begin(), a.end());
  std::vector<std::string> b_keys(b.begin(), b.end());
  if (!a_nl && !a_keys.empty()) {
    a_keys.back() += '\0';
  }
  if (!b_nl && !b_keys.empty()) {
    b_keys.back() += '\0';
  }
  std::vector<std::string_view> av(a_keys.begin(), a_keys.end());
  std::vector<std::string_view> bv(b_keys.begin(), b_keys.end());
  const auto script = edit_script(av, bv);
  std::string out = fmt::format("--- {}\n+++ b/{}\n", created ? std::string("/dev/null") : "a/" + std::string(path),
                                path);
  const size_t ctx = static_cast<size_t>(context);
  size_t k = 0;
  while (k < script.size()) {
    // The next change, and the hunk around it: changes closer than 2*context join the hunk.
    while (k < script.size() && script[k].op == Op::same) {
      ++k;
    }
    if (k == script.size()) {
      break;
    }
    size_t start = k >= ctx ? k - ctx : 0;
    size_t end = k;
    size_t same_run = 0;
    for (size_t i = k; i < script.size(); ++i) {
      if (script[i].op == Op::same) {
        ++same_run;
        if (same_run > 2 * ctx) {
          break;
        }
      } else {
        same_run = 0;
        end = i;
      }
    }
    size_t stop = std::min(script.size(), end + 1 + ctx);
    size_t a_start = 0;
    size_t b_start = 0;
    size_t a_count = 0;
    size_t b_count = 0;
    // Start lines: from the first step of the hunk, or the position where the other side is.
    bool a_set = false;
    bool b_set = false;
    for (size_t i = start; i < stop; ++i) {
      const Step& s = script[i];
      if (s.op != Op::add) {
        if (!a_set) {
          a_start = s.a;
          a_set = true;
        }
        ++a_count;
      }
      if (s.op != Op::del) {
        if (!b_set) {
          b_start = s.b;
          b_set = true;
        }
        ++b_count;
      }
    }
    auto position_before = [&](bool want_a) {
      // Lines of that side before the hunk start.
      size_t n = 0;
      for (size_t i = 0; i < start; ++i) {
        if (want_a ? script[i].op != Op::add : script[i].op != Op::del) {
          ++n;
        }
      }
      return n;
    };
    if (!a_set) {
      a_start = position_before(true);
    }
    if (!b_set) {
      b_start = position_before(false);
    }
    out += fmt::format("@@ -{} +{} @@\n", range(a_start, a_count), range(b_start, b_count));
    for (size_t i = start; i < stop; ++i) {
      const Step& s = script[i];
      const bool last_a = s.op != Op::add && s.a + 1 == a.size() && !a_nl;
      const bool last_b = s.op != Op::del && s.b + 1 == b.size() && !b_nl;
      if (s.op == Op::same) {
        out += " " + std::string(a[s.a]) + "\n";
        if (last_a) {
          out += "\\ No newline at end of file\n";
        }
      } else if (s.op == Op::del) {
        out += "-" + std::string(a[s.a]) + "\n";
        if (last_a) {
          out += "\\ No newline at end of file\n";
        }
      } else {
        out += "+" + std::string(b[s.b]) + "\n";
        if (last_b) {
          out += "\\ No newline at end of file\n";
        }
      }
    }
    k = stop;
  }
  return out;
}

} // namespace pops
