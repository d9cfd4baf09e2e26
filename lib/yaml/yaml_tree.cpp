#include "yaml/yaml_tree.h"

#include "base/fsutil.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <istream>
#include <map>
#include <unordered_map>
#include <streambuf>

namespace pops {

YNode::~YNode() = default;
YNode::YNode(const YNode&) = default;
YNode::YNode(YNode&&) noexcept = default;
YNode& YNode::operator=(const YNode&) = default;
YNode& YNode::operator=(YNode&&) noexcept = default;

const YNode* YNode::get(std::string_view key) const
{
  for (const auto& [k, v] : entries) {
    if (k.is_scalar() && k.text == key) {
      return &v;
    }
  }
  return nullptr;
}

std::string_view YNode::kind_name() const
{
  switch (kind) {
  case Kind::null:
    return "nothing";
  case Kind::scalar:
    return "a single value";
  case Kind::seq:
    return "a list";
  case Kind::map:
    return "a mapping";
  }
  return "nothing";
}

bool check_text(std::string_view t, Loc& where, std::string& what)
{
  int line = 1;
  int col = 1;
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = t.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    size_t len = 1;
    bool bad = false;
    if (c == 0) {
      where = {line, col, static_cast<long>(i)};
      what = "NUL byte in text; is this a binary file?";
      return false;
    }
    if (c < 0x80) {
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      bad = c < 0xC2;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      len = 4;
    } else {
      bad = true;
    }
    if (!bad && i + len > n) {
      bad = true;
    }
    for (size_t k = 1; !bad && k < len; ++k) {
      bad = (p[i + k] & 0xC0) != 0x80;
    }
    if (!bad && len == 3) {
      const unsigned cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      bad = cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!bad && len == 4) {
      const unsigned cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12);
      bad = cp < 0x10000 || cp > 0x10FFFF;
    }
    if (bad) {
      where = {line, col, static_cast<long>(i)};
      what = fmt::format("invalid UTF-8 (byte 0x{:02x}); save the file as UTF-8", c);
      return false;
    }
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return true;
}

namespace {

/// A read-only streambuf over memory, so yaml-cpp reads the text without a copy.
class MemBuf : public std::streambuf {
public:
  explicit MemBuf(std::string_view s)
  {
    char* b = const_cast<char*>(s.data());
    setg(b, b, b + s.size());
  }
};

struct Abort {
  Loc loc;
  std::string message;
};

/// Builds the YNode tree from yaml-cpp's parse events: marks, styles and aliases are all visible
/// here, which YAML::Node would hide, and no intermediate node graph is built.
class Builder : public YAML::EventHandler {
public:
  Builder(const YamlLimits& limits, int line_offset, long pos_offset)
    : m_limits(limits), m_line_offset(line_offset), m_pos_offset(pos_offset)
  {
  }

  YNode root;
  int documents = 0;
  Loc second_document;
  std::vector<Finding> findings;

  void OnDocumentStart(const YAML::Mark& mark) override
  {
    ++documents;
    if (documents == 2) {
      second_document = loc(mark);
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    YNode n;
    n.loc = loc(mark);
    add(std::move(n), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      throw Abort{loc(mark), "alias refers to a node that is not complete yet"};
    }
    m_alias_nodes += it->second.second;
    if (m_alias_nodes > m_limits.max_alias_nodes) {
      throw Abort{loc(mark), fmt::format("aliases expand to more than {} nodes; is this an alias bomb?",
                                         m_limits.max_alias_nodes)};
    }
    YNode n = it->second.first;
    n.loc = loc(mark);
    n.alias = true;
    add(std::move(n), 0, it->second.second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override
  {
    YNode n;
    n.kind = YNode::Kind::scalar;
    n.quoted = tag != "?";
    n.loc = loc(mark);
    n.text = value;
    add(std::move(n), anchor, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override
  {
    open(mark, anchor, style, YNode::Kind::seq);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override
  {
    open(mark, anchor, style, YNode::Kind::map);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    YNode node;
    YNode key;
    bool have_key = false;
    YAML::anchor_t anchor = 0;
    long size = 1;
    std::unordered_map<std::string, int> keys;  ///< key text -> line, for duplicate keys
  };

  Loc loc(const YAML::Mark& m) const
  {
    if (m.is_null()) {
      return {};
    }
    return {m.line + 1 + m_line_offset, m.column + 1, m.pos + m_pos_offset};
  }

  void count(long nodes, const Loc& where)
  {
    m_nodes += nodes;
    if (m_nodes > m_limits.max_nodes) {
      throw Abort{where, fmt::format("document has more than {} nodes (anchored nodes count twice); "
                                     "split it into smaller files",
                                     m_limits.max_nodes)};
    }
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YAML::EmitterStyle::value style, YNode::Kind kind)
  {
    Frame f;
    f.node.kind = kind;
    f.node.flow = style == YAML::EmitterStyle::Flow;
    f.node.loc = loc(mark);
    f.anchor = anchor;
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      throw Abort{f.node.loc, fmt::format("nesting is deeper than {} levels", m_limits.max_depth)};
    }
    m_stack.push_back(std::move(f));
  }

  void close()
  {
    Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    add(std::move(f.node), f.anchor, f.size);
  }

  void add(YNode&& n, YAML::anchor_t anchor, long size)
  {
    count(n.alias ? 0 : 1, n.loc);
    if (anchor != 0) {
      // Anchored nodes are copied so aliases can expand them; nested anchors multiply that copy.
      count(size, n.loc);
      m_anchors[anchor] = {n, size};
    }
    if (m_stack.empty()) {
      if (documents <= 1) {
        root = std::move(n);
      }
      return;
    }
    Frame& top = m_stack.back();
    top.size += size;
    if (top.node.kind == YNode::Kind::seq) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (!top.have_key) {
      if (!n.is_scalar() && !n.is_null()) {
        findings.push_back(syntax(n.loc, fmt::format("a mapping key must be a plain value, not {}", n.kind_name())));
        n.kind = YNode::Kind::scalar;
        n.items.clear();
        n.entries.clear();
        n.text = "?";
      }
      top.key = std::move(n);
      top.have_key = true;
      return;
    }
    top.have_key = false;
    const std::string key_id = (top.key.is_null() ? "\x01" : "") + top.key.text;
    if (auto [it, fresh] = top.keys.emplace(key_id, top.key.loc.line); !fresh) {
      Finding f;
      f.loc = top.key.loc;
      f.rule = "duplicate-key";
      f.message = fmt::format("duplicate key '{}' (first at line {})", top.key.text, it->second);
      findings.push_back(std::move(f));
      return;
    }
    top.node.entries.emplace_back(std::move(top.key), std::move(n));
  }

  static Finding syntax(const Loc& where, std::string message)
  {
    Finding f;
    f.loc = where;
    f.rule = "yaml-syntax";
    f.message = std::move(message);
    return f;
  }

  const YamlLimits& m_limits;
  int m_line_offset;
  long m_pos_offset;
  std::vector<Frame> m_stack;
  std::map<YAML::anchor_t, std::pair<YNode, long>> m_anchors;
  long m_nodes = 0;
  long m_alias_nodes = 0;
};

/// Position of the first flow mark ('[', '{' or ',') past `limit` inside one top-level flow
/// collection, or -1. yaml-cpp keeps every token of a flow collection in memory until it closes;
/// this bounds that memory. Quotes and comments are skipped roughly; a false alarm needs `limit`
/// marks after an unbalanced bracket in text.
long too_many_flow_marks(std::string_view t, long limit)
{
  long marks = 0;
  int depth = 0;
  char quote = 0;
  char prev = '\n';
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      }
    } else if ((c == '"' || c == '\'')
               && (prev == ' ' || prev == '\n' || prev == '[' || prev == '{' || prev == ',' || prev == ':'
                   || prev == '\t')) {
      quote = c;
    } else if (c == '#' && (prev == ' ' || prev == '\n' || prev == '\t')) {
      while (i < t.size() && t[i] != '\n') {
        ++i;
      }
      prev = '\n';
      continue;
    } else if (c == '[' || c == '{') {
      ++depth;
      ++marks;
    } else if ((c == ']' || c == '}') && depth > 0) {
      if (--depth == 0) {
        marks = 0;
      }
    } else if (c == ',' && depth > 0) {
      ++marks;
    }
    if (marks > limit) {
      return static_cast<long>(i);
    }
    prev = c;
  }
  return -1;
}

Loc loc_of(std::string_view t, long pos, int line_offset, long pos_offset)
{
  int line = 1;
  long line_start = 0;
  for (long i = 0; i < pos && i < static_cast<long>(t.size()); ++i) {
    if (t[static_cast<size_t>(i)] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line + line_offset, static_cast<int>(pos - line_start) + 1, pos + pos_offset};
}

std::string reword(std::string msg)
{
  // yaml-cpp says "yaml-cpp: error at line 3, column 5: illegal map value"; keep the last part.
  if (auto p = msg.rfind(": "); msg.rfind("yaml-cpp:", 0) == 0 && p != std::string::npos) {
    msg = msg.substr(p + 2);
  }
  if (!msg.empty()) {
    msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  }
  while (!msg.empty() && (msg.back() == '.' || msg.back() == ' ')) {
    msg.pop_back();
  }
  return msg;
}

}  // namespace

YamlDoc parse_yaml(std::string_view text, const YamlLimits& limits, int line_offset, long pos_offset)
{
  YamlDoc doc;
  auto fail = [&](Loc where, std::string message) {
    Finding f;
    f.loc = where;
    f.rule = "yaml-syntax";
    f.message = std::move(message);
    doc.findings.push_back(std::move(f));
    doc.ok = false;
    return doc;
  };
  if (static_cast<long>(text.size()) > limits.max_bytes) {
    return fail({1, 1, pos_offset}, too_large_message(text.size(), static_cast<unsigned long long>(limits.max_bytes)));
  }
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    pos_offset += 3;
  }
  Loc where;
  std::string what;
  if (!check_text(text, where, what)) {
    where.line += line_offset;
    where.pos += pos_offset;
    return fail(where, what);
  }
  if (long at = too_many_flow_marks(text, limits.max_flow_marks); at >= 0) {
    return fail(loc_of(text, at, line_offset, pos_offset),
                fmt::format("a flow-style collection ([...] or {{...}}) holds more than {} entries; "
                            "write long lists in block style",
                            limits.max_flow_marks));
  }
  Builder builder(limits, line_offset, pos_offset);
  try {
    MemBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      if (builder.documents > 1) {
        return fail(builder.second_document, "a file holds one YAML document; remove the second '---' document");
      }
    }
  } catch (const Abort& a) {
    return fail(a.loc, a.message);
  } catch (const YAML::DeepRecursion& e) {
    Loc l = e.mark.is_null() ? Loc{1 + line_offset, 1, pos_offset}
                             : Loc{e.mark.line + 1 + line_offset, e.mark.column + 1, e.mark.pos + pos_offset};
    return fail(l, "nesting is too deep");
  } catch (const YAML::ParserException& e) {
    Loc l = e.mark.is_null() ? Loc{1 + line_offset, 1, pos_offset}
                             : Loc{e.mark.line + 1 + line_offset, e.mark.column + 1, e.mark.pos + pos_offset};
    return fail(l, "invalid YAML: " + reword(e.msg));
  } catch (const std::bad_alloc&) {
    return fail({1 + line_offset, 1, pos_offset}, "file needs more memory than is available to parse; "
                                                  "split it into smaller files");
  } catch (const std::exception& e) {
    return fail({1 + line_offset, 1, pos_offset}, "invalid YAML: " + reword(e.what()));
  }
  doc.ok = true;
  doc.root = std::move(builder.root);
  doc.findings = std::move(builder.findings);
  return doc;
}

}  // namespace pops
