// Parsing one workspace file on its own: YAML, or a Markdown file's front matter and headings.

#include "workspace/parsed_file.h"

#include "base/text.h"
#include "yaml/chunked.h"

#include <algorithm>
#include <memory>

namespace pops {

void parse_into(ParsedFile& p)
{
  const std::string& text = p.content;
  if (p.kind == FileKind::doc_index) {
    return;  // not parsed: compared as text with what `pops doc index` writes
  }
  if (is_markdown(p.kind)) {
    std::string_view t = text;
    long bom = 0;
    if (t.starts_with("\xEF\xBB\xBF")) {
      t.remove_prefix(3);
      bom = 3;
    }
    Loc where;
    std::string what;
    if (!check_text(t, where, what)) {
      where.pos += bom;
      Finding f;
      f.loc = where;
      f.rule = "yaml-syntax";
      f.message = what;
      p.doc.findings.push_back(std::move(f));
      return;
    }
    p.fm = split_front_matter(t);
    p.fm.yaml_pos += bom;
    if (!p.fm.present) {
      return;
    }
    if (!p.fm.closed) {
      Finding f;
      f.loc = {1, 1, bom};
      f.rule = "yaml-syntax";
      f.message = "front matter starting at line 1 has no closing '---' line";
      p.doc.findings.push_back(std::move(f));
      return;
    }
    p.doc = parse_yaml(p.fm.yaml, {}, p.fm.yaml_line, p.fm.yaml_pos);
    p.headings = markdown_headings(p.fm.body, p.fm.body_line);
    return;
  }
  p.doc = parse_yaml(text);
}

FrontMatter split_front_matter(std::string_view text)
{
  FrontMatter fm;
  auto line_end = [&](size_t from) {
    size_t e = text.find('\n', from);
    return e == std::string_view::npos ? text.size() : e;
  };
  auto is_fence = [](std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    return line == "---" || (closing && line == "...");
  };
  size_t e = line_end(0);
  if (!is_fence(text.substr(0, e), false)) {
    fm.body = text;
    return fm;
  }
  fm.present = true;
  fm.yaml_line = 1;
  fm.yaml_pos = static_cast<long>(std::min(e + 1, text.size()));
  size_t pos = e + 1;
  int line = 2;
  while (pos < text.size()) {
    size_t le = line_end(pos);
    if (is_fence(text.substr(pos, le - pos), true)) {
      fm.closed = true;
      fm.yaml = text.substr(static_cast<size_t>(fm.yaml_pos), pos - static_cast<size_t>(fm.yaml_pos));
      fm.body_line = line;
      fm.body = le < text.size() ? text.substr(le + 1) : std::string_view();
      return fm;
    }
    pos = le + 1;
    ++line;
  }
  return fm;
}

std::vector<Heading> markdown_headings(std::string_view body, int line_offset)
{
  std::vector<Heading> out;
  std::string_view fence;
  int line = line_offset;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t e = body.find('\n', pos);
    if (e == std::string_view::npos) {
      e = body.size();
    }
    std::string_view l = body.substr(pos, e - pos);
    ++line;
    if (!l.empty() && l.back() == '\r') {
      l.remove_suffix(1);
    }
    std::string_view t = l;
    size_t indent = 0;
    while (indent < t.size() && indent < 4 && t[indent] == ' ') {
      ++indent;
    }
    t.remove_prefix(indent);
    if (indent < 4 && (t.starts_with("```") || t.starts_with("~~~"))) {
      if (fence.empty()) {
        fence = t.substr(0, 3);
      } else if (t.starts_with(fence)) {
        fence = {};
      }
    } else if (fence.empty() && indent < 4 && t.starts_with('#')) {
      size_t level = 0;
      while (level < t.size() && t[level] == '#') {
        ++level;
      }
      if (level <= 6 && (level == t.size() || t[level] == ' ' || t[level] == '\t')) {
        std::string_view text = trim(t.substr(level));
        while (!text.empty() && text.back() == '#') {
          text.remove_suffix(1);
        }
        out.push_back({static_cast<int>(level), line, std::string(trim(text))});
      }
    }
    if (e == body.size()) {
      break;
    }
    pos = e + 1;
  }
  return out;
}

std::shared_ptr<const ParsedFile> parse_file(std::string content, FileKind kind)
{
  auto p = std::make_shared<ParsedFile>();
  p->content = std::move(content);
  p->kind = kind;
  if (kind != FileKind::none) {
    parse_into(*p);
  }
  return p;
}

std::shared_ptr<const ParsedFile> parse_file(std::string content, FileKind kind, ChunkCache& chunks)
{
  if (kind != FileKind::roadmap && kind != FileKind::feedback) {
    return parse_file(std::move(content), kind);
  }
  auto p = std::make_shared<ParsedFile>();
  p->content = std::move(content);
  p->kind = kind;
  p->doc = parse_yaml_chunked(p->content, chunks);
  return p;
}

std::shared_ptr<const ParsedFile> parsed_from(YamlDoc doc, FileKind kind)
{
  auto p = std::make_shared<ParsedFile>();
  p->kind = kind;
  p->doc = std::move(doc);
  return p;
}

}  // namespace pops
