#include "base/html.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

namespace pops {

std::string html_escape(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

/// The character an entity (without & and ;) stands for, as UTF-8; empty if unknown.
std::string entity_text(std::string_view name)
{
  static constexpr std::pair<std::string_view, std::string_view> k_named[] = {
    {"amp", "&"},         {"lt", "<"},         {"gt", ">"},         {"quot", "\""},       {"apos", "'"},
    {"nbsp", " "},        {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"hellip", "\u2026"}, {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},  {"ldquo", "\u201c"}, {"rdquo", "\u201d"}, {"bull", "\u2022"},   {"copy", "\u00a9"},
    {"eacute", "\u00e9"}, {"euro", "\u20ac"}};
  for (const auto& [n, t] : k_named) {
    if (n == name) {
      return std::string(t);
    }
  }
  if (name.size() < 2 || name[0] != '#') {
    return {};
  }
  unsigned long cp = 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) {
    return {};
  }
  for (char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    }
    if (d < 0) {
      return {};
    }
    cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return "\uFFFD";
  }
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

/// `s` with its entities decoded (an unknown one is kept as written).
std::string decode_entities(std::string_view s)
{
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      const size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 10) {
        if (std::string t = entity_text(s.substr(i + 1, semi - i - 1)); !t.empty()) {
          out += t;
          i = semi;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

bool html_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower_ascii(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

/// The value of attribute `name` in the inside of a tag (`a href="x" class=y`), entities decoded.
std::string attribute(std::string_view tag, std::string_view name)
{
  size_t i = 0;
  while (i < tag.size() && !html_space(tag[i])) {
    ++i;  // the tag's name
  }
  while (i < tag.size()) {
    while (i < tag.size() && (html_space(tag[i]) || tag[i] == '/')) {
      ++i;
    }
    const size_t ns = i;
    while (i < tag.size() && !html_space(tag[i]) && tag[i] != '=' && tag[i] != '/') {
      ++i;
    }
    const std::string n = lower_ascii(tag.substr(ns, i - ns));
    while (i < tag.size() && html_space(tag[i])) {
      ++i;
    }
    std::string v;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && html_space(tag[i])) {
        ++i;
      }
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char q = tag[i++];
        const size_t e = tag.find(q, i);
        v = tag.substr(i, (e == std::string_view::npos ? tag.size() : e) - i);
        i = e == std::string_view::npos ? tag.size() : e + 1;
      } else {
        const size_t vs = i;
        while (i < tag.size() && !html_space(tag[i])) {
          ++i;
        }
        v = tag.substr(vs, i - vs);
      }
    }
    if (n == name) {
      return decode_entities(v);
    }
    if (n.empty()) {
      ++i;
    }
  }
  return {};
}

/// The Markdown being written: blocks separated by the newlines they ask for, list and quote prefixes.
class MarkdownOut {
public:
  void block(int newlines) { need_ = std::max(need_, newlines); }
  void space() { space_ = true; }
  void prefix_next(std::string p) { item_ = std::move(p); }
  void text(std::string_view t)
  {
    if (t.empty()) {
      return;
    }
    start_text();
    if (space_ && !out_.empty() && out_.back() != ' ' && out_.back() != '\n' && !at_line_start_) {
      out_ += ' ';
    }
    space_ = false;
    out_ += t;
    at_line_start_ = false;
  }
  /// Markup that belongs to the next text (an opening `**`): written with it, not alone.
  void open(std::string_view m)
  {
    text(m);
    space_ = false;
  }
  void close(std::string_view m)
  {
    if (!out_.empty() && !at_line_start_) {
      while (!out_.empty() && out_.back() == ' ') {
        out_.pop_back();
      }
      out_ += m;
    }
  }
  void raw_line(std::string_view t)
  {
    start_text();
    out_ += t;
    at_line_start_ = false;
  }
  void newline_in_pre()
  {
    out_ += '\n';
    at_line_start_ = true;
  }
  int quote_depth = 0;
  std::vector<std::string> indents;  ///< per open list item, the indent its continuation lines take
  std::string result()
  {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) {
      out_.pop_back();
    }
    return out_;
  }

private:
  void start_text()
  {
    if (need_ > 0 && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') {
        out_.pop_back();
      }
      for (int i = 0; i < need_; ++i) {
        if (i > 0 && quote_depth > 0) {
          out_ += std::string(static_cast<size_t>(quote_depth), '>');
        }
        out_ += '\n';
      }
      at_line_start_ = true;
    }
    if (need_ > 0 || out_.empty()) {
      for (int q = 0; q < quote_depth; ++q) {
        out_ += "> ";
      }
      std::string ind;
      const size_t own = item_.empty() ? indents.size() : indents.size() - std::min<size_t>(1, indents.size());
      for (size_t i = 0; i < own; ++i) {
        ind += indents[i];
      }
      out_ += ind;
      out_ += item_;
      item_.clear();
      need_ = 0;
      space_ = false;
      at_line_start_ = true;
    }
  }
  std::string out_;
  std::string item_;
  int need_ = 0;
  bool space_ = false;
  bool at_line_start_ = true;
};

/// The text of a <pre> as a fenced code block, its first newline and its trailing blank space left out.
void write_pre(MarkdownOut& md, std::string body)
{
  if (!body.empty() && body.front() == '\n') {
    body.erase(0, 1);
  }
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) {
    body.pop_back();
  }
  md.block(2);
  md.raw_line("```");
  size_t s0 = 0;
  while (s0 <= body.size()) {
    const size_t nl = body.find('\n', s0);
    md.newline_in_pre();
    md.raw_line("");
    std::string line = body.substr(s0, (nl == std::string::npos ? body.size() : nl) - s0);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    md.raw_line(line);
    if (nl == std::string::npos) {
      break;
    }
    s0 = nl + 1;
  }
  md.newline_in_pre();
  md.raw_line("```");
  md.block(2);
}

}  // namespace

std::string html_to_markdown(std::string_view html)
{
  if (html.find('<') == std::string_view::npos) {
    return std::string(html);
  }
  MarkdownOut md;
  struct List {
    bool ordered = false;
    int next = 1;
  };
  std::vector<List> lists;
  std::vector<std::string> hrefs;  // of the open <a>s
  int pre = 0;
  std::string pre_text;
  size_t i = 0;
  auto flush_text = [&](std::string_view t) {
    if (pre > 0) {
      pre_text += decode_entities(t);
      return;
    }
    size_t k = 0;
    while (k < t.size()) {
      if (html_space(t[k])) {
        md.space();
        while (k < t.size() && html_space(t[k])) {
          ++k;
        }
        continue;
      }
      size_t e = k;
      while (e < t.size() && !html_space(t[e])) {
        ++e;
      }
      md.text(decode_entities(t.substr(k, e - k)));
      k = e;
    }
  };
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    flush_text(html.substr(i, (lt == std::string_view::npos ? html.size() : lt) - i));
    if (lt == std::string_view::npos) {
      break;
    }
    if (html.substr(lt, 4) == "<!--") {
      const size_t e = html.find("-->", lt + 4);
      i = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    const size_t gt = html.find('>', lt + 1);
    if (gt == std::string_view::npos) {
      flush_text(html.substr(lt));
      break;
    }
    std::string_view inside = html.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    const bool closing = !inside.empty() && inside[0] == '/';
    if (closing) {
      inside.remove_prefix(1);
    }
    size_t ne = 0;
    while (ne < inside.size() && !html_space(inside[ne]) && inside[ne] != '/') {
      ++ne;
    }
    const std::string name = lower_ascii(inside.substr(0, ne));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      flush_text(html.substr(lt, gt + 1 - lt));
      continue;
    }
    if (!closing && (name == "script" || name == "style")) {
      const std::string end = "</" + name;
      size_t e = i;
      while (e < html.size() && lower_ascii(html.substr(e, end.size())) != end) {
        ++e;
      }
      const size_t g = html.find('>', e);
      i = g == std::string_view::npos ? html.size() : g + 1;
      continue;
    }
    const bool heading = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
    if (name == "pre") {
      if (!closing) {
        if (pre++ == 0) {
          pre_text.clear();
        }
      } else if (pre > 0 && --pre == 0) {
        write_pre(md, pre_text);
      }
      continue;
    }
    if (pre > 0) {
      if (name == "br") {
        pre_text += '\n';
      }
      continue;  // markup inside <pre> keeps only its text
    }
    if (name == "p" || name == "div" || heading || name == "table" || name == "hr") {
      md.block(lists.empty() ? 2 : 1);
      if (!closing && heading) {
        md.prefix_next(std::string(static_cast<size_t>(name[1] - '0'), '#') + " ");
      }
      if (!closing && name == "hr") {
        md.raw_line("---");
        md.block(2);
      }
    } else if (name == "br") {
      md.block(1);
    } else if (name == "tr") {
      md.block(1);
    } else if (name == "td" || name == "th") {
      md.space();
    } else if (name == "blockquote") {
      md.block(2);
      md.quote_depth = std::max(0, md.quote_depth + (closing ? -1 : 1));
    } else if (name == "ul" || name == "ol") {
      md.block(lists.empty() ? 2 : 1);
      if (!closing) {
        lists.push_back({name == "ol", 1});
      } else if (!lists.empty()) {
        lists.pop_back();
        md.indents.resize(std::min(md.indents.size(), lists.size()));
      }
      if (lists.empty()) {
        md.block(2);
      }
    } else if (name == "li") {
      md.block(1);
      if (!closing) {
        std::string marker = "- ";
        if (!lists.empty() && lists.back().ordered) {
          marker = fmt::format("{}. ", lists.back().next++);
        }
        md.indents.resize(lists.empty() ? 1 : lists.size());
        md.indents.back() = std::string(marker.size(), ' ');
        md.prefix_next(marker);
      }
    } else if (name == "b" || name == "strong") {
      (closing ? md.close("**") : md.open("**"));
    } else if (name == "i" || name == "em") {
      (closing ? md.close("*") : md.open("*"));
    } else if (name == "code") {
      (closing ? md.close("`") : md.open("`"));
    } else if (name == "a") {
      if (!closing) {
        hrefs.push_back(attribute(inside, "href"));
        md.open("[");
      } else if (!hrefs.empty()) {
        const std::string href = hrefs.back();
        hrefs.pop_back();
        md.close(href.empty() ? "]" : "](" + href + ")");
      }
    }
  }
  return md.result();
}

std::string svg_bar_chart(const std::vector<Bar>& bars, const BarChartStyle& style)
{
  const int top = 18;     // room for the values
  const int bottom = 20;  // room for the labels
  const int h = style.height;
  const int total_h = top + h + bottom;
  double max = 0;
  for (const auto& b : bars) {
    max = std::max(max, b.value);
  }
  const double n = static_cast<double>(std::max<size_t>(bars.size(), 1));
  const double slot = style.width / n;
  const double bar_w = std::max(2.0, slot * 0.7);
  std::string out = fmt::format(
    "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
    "role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
    style.width, total_h, style.width, total_h, html_escape(style.aria_label), html_escape(style.aria_label));
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double v = std::max(0.0, b.value);
    const double bh = max > 0 ? v / max * h : 0;
    const double x = slot * static_cast<double>(i) + (slot - bar_w) / 2;
    const double y = top + h - bh;
    const std::string tip =
      b.tip.empty() ? fmt::format("{}: {}{}", b.label, number_short(v, 1), style.unit.empty() ? "" : " " + style.unit)
                    : b.tip;
    out += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
                       "<title>{}</title></rect>\n",
                       x, y, bar_w, bh, html_escape(tip));
    out += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                       x + bar_w / 2, y - 4, number_short(v, 1));
    out += fmt::format("<text class=\"label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x + bar_w / 2,
                       top + h + 14, html_escape(b.label));
  }
  out += fmt::format("<line class=\"axis\" x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", top + h, style.width, top + h);
  out += "</svg>\n";
  return out;
}

std::string svg_stacked_bar(const std::vector<Segment>& segments, int width, const std::string& aria_label)
{
  double total = 0;
  for (const auto& s : segments) {
    total += std::max(0.0, s.value);
  }
  const int h = 18;
  std::string out = fmt::format("<svg class=\"stack\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                                "viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
                                width, h, width, h, html_escape(aria_label), html_escape(aria_label));
  double x = 0;
  for (const auto& s : segments) {
    if (s.value <= 0 || total <= 0) {
      continue;
    }
    const double w = s.value / total * width;
    out +=
      fmt::format("<rect class=\"seg {}\" x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"{}\"><title>{}: {}</title>"
                  "</rect>\n",
                  html_escape(s.css_class), x, w, h, html_escape(s.label), number_short(s.value, 1));
    x += w;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace pops
