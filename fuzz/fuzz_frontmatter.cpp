// Fuzz target: a Markdown file's bytes through what `pops check` does to a document and a ritual
// note: the front-matter splitter, the headings scanner, the front matter's YAML, the model builder
// and every rule.

#include "check/check.h"
#include "common.h"
#include "workspace/workspace.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string_view t = text;

  // The splitter's views lie inside the text, in order, at the lines it says.
  const pops::FrontMatter fm = pops::split_front_matter(t);
  auto inside = [&](std::string_view v) {
    return v.empty() || (v.data() >= t.data() && v.data() + v.size() <= t.data() + t.size());
  };
  if (!inside(fm.yaml) || !inside(fm.body) || (fm.closed && !fm.present) || fm.yaml_pos < 0
      || static_cast<size_t>(fm.yaml_pos) > t.size()
      || (fm.closed && fm.yaml.data() != t.data() + fm.yaml_pos && !fm.yaml.empty())
      || (fm.closed && fm.body_line < fm.yaml_line)) {
    std::fprintf(stderr, "split_front_matter returned views outside the text or out of order\n");
    std::abort();
  }
  for (const auto& h : pops::markdown_headings(fm.body, fm.body_line)) {
    if (h.level < 1 || h.level > 6 || h.line <= fm.body_line) {
      std::fprintf(stderr, "heading out of range: level %d line %d\n", h.level, h.line);
      std::abort();
    }
  }

  std::vector<pops::SourceFile> files = {{"pops.yaml", pops_fuzz::k_config},
                                         {"roadmap/platform.yaml", pops_fuzz::k_roadmap},
                                         {"docs/prd/fuzz.md", text},
                                         {"rituals/sprint-review/2026-11-19.md", text}};
  pops::Workspace ws = pops::load_workspace("/nonexistent", std::move(files), 1);
  pops::CheckOptions opts;
  opts.today = pops::make_date(2026, 11, 20);
  pops::CheckResult result = pops::check_workspace(ws, opts);
  for (const auto& f : result.findings) {
    if (f.loc.line < 1 || f.loc.column < 1 || f.message.empty()) {
      std::fprintf(stderr, "unlocated finding: %s:%d:%d: %s [%s]\n", f.file.c_str(), f.loc.line, f.loc.column,
                   f.message.c_str(), f.rule.c_str());
      std::abort();
    }
  }
  return 0;
}
