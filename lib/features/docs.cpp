#include "features/docs.h"

#include "workspace/config.h"
#include "check/rule_impl.h"
#include "workspace/schema.h"
#include "features/template.h"
#include "base/text.h"
#include "base/markdown.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <system_error>

namespace fs = std::filesystem;

namespace pops {

namespace {

std::vector<std::string> item_ids(const Workspace& ws)
{
  std::vector<std::string> out;
  for (const auto& it : ws.items) {
    out.push_back(it.id.value);
  }
  return out;
}

std::vector<std::string> person_ids(const Workspace& ws)
{
  std::vector<std::string> out;
  for (const auto& p : ws.config.people) {
    out.push_back(p.id.value);
  }
  return out;
}

std::string heading_key(std::string_view s)
{
  return lower(trim(s));
}

/// A plain document when neither the workspace nor pops has a template for the type.
constexpr std::string_view k_skeleton = R"(---
title: {{title_yaml}}
type: {{type}}
{{#owner}}
owner: {{owner}}
{{/owner}}
status: {{status}}
items: {{items_yaml}}
created: {{date}}
---
# {{title}}
)";

}  // namespace

std::string slugify(std::string_view title)
{
  std::string out;
  bool dash = false;
  for (char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      if (dash && !out.empty()) {
        out += '-';
      }
      dash = false;
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) {
        out += '-';
      }
      dash = false;
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      dash = true;
    }
  }
  if (out.size() > 60) {
    size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
    while (!out.empty() && out.back() == '-') {
      out.pop_back();
    }
  }
  return out;
}

std::string doc_dir(const DocType& type)
{
  std::string dir = type.dir.set && !type.dir.value.empty() ? type.dir.value : "docs/" + type.name.value;
  while (dir.size() > 1 && dir.back() == '/') {
    dir.pop_back();
  }
  if (dir.starts_with("./")) {
    dir = dir.substr(2);
  }
  return dir;
}

std::string render_doc(const std::string& root, const Workspace& ws, const DocType& type, const DocSpec& spec,
                       Date today, const nlohmann::json& extra)
{
  nlohmann::json data = nlohmann::json::object();
  data["title"] = spec.title;
  data["title_yaml"] = yaml_scalar(spec.title);
  data["type"] = type.name.value;
  data["owner"] = spec.owner.empty() ? nlohmann::json() : nlohmann::json(spec.owner);
  const Person* owner = ws.config.person(spec.owner);
  data["owner_name"] = owner && owner->name.set ? owner->name.value : spec.owner;
  data["status"] = spec.status;
  data["date"] = format_date(today);
  data["product"] = ws.config.product.value;
  data["items_yaml"] = yaml_flow_list(spec.items);
  data["items_list"] = spec.items.empty() ? nlohmann::json() : nlohmann::json(join(spec.items, ", "));
  data["items"] = nlohmann::json::array();
  for (const auto& id : spec.items) {
    nlohmann::json j;
    j["id"] = id;
    if (const Item* it = ws.item(id)) {
      j["title"] = it->title.value;
      j["status"] = it->status.value;
      j["squad"] = it->squad.value;
      j["owner"] = it->owner.set ? nlohmann::json(it->owner.value) : nlohmann::json();
      j["target"] = it->target.set ? nlohmann::json(format_date(it->target.value)) : nlohmann::json();
    }
    data["items"].push_back(std::move(j));
  }
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    data[it.key()] = it.value();
  }
  const std::string name = type.template_name.set ? type.template_name.value : type.name.value;
  std::optional<TemplateText> t = find_template(root, name);
  if (!t) {
    t = TemplateText{name, "built-in", std::string(k_skeleton), false};
  }
  std::string out = render_template(*t, data);
  // The type's required sections, when the template lacks some.
  const FrontMatter fm = split_front_matter(out);
  const auto headings = markdown_headings(fm.present ? fm.body : std::string_view(out), 0);
  for (const auto& sec : type.sections) {
    const bool present = std::any_of(headings.begin(), headings.end(),
                                     [&](const Heading& h) { return heading_key(h.text) == heading_key(sec.value); });
    if (!present) {
      if (!out.empty() && out.back() != '\n') {
        out += '\n';
      }
      out += fmt::format("\n## {}\n\n", sec.value);
    }
  }
  return out;
}

EditPlan plan_doc_new(const EditSession& s, const DocSpec& spec_in, Date today)
{
  const Workspace& ws = s.ws;
  if (!ws.config.loaded) {
    throw OpError("pops.yaml cannot be read; run 'pops check' to see why");
  }
  DocSpec spec = spec_in;
  spec.title = std::string(trim(spec.title));
  // --item a,b and repeated --item: each id once, in order.
  spec.items.clear();
  for (const auto& arg : spec_in.items) {
    size_t from = 0;
    while (from <= arg.size()) {
      const size_t comma = arg.find(',', from);
      const std::string id(
        trim(std::string_view(arg).substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
      if (!id.empty() && std::find(spec.items.begin(), spec.items.end(), id) == spec.items.end()) {
        spec.items.push_back(id);
      }
      if (comma == std::string::npos) {
        break;
      }
      from = comma + 1;
    }
  }
  const DocType* type = ws.config.doc_type(spec.type);
  if (!type) {
    std::vector<std::string> names;
    for (const auto& t : ws.config.doc_types) {
      names.push_back(t.name.value);
    }
    throw OpError(fmt::format("unknown document type {}{}", quote(spec.type), did_you_mean(spec.type, names)),
                  names.empty() ? "declare document types under docs.types in pops.yaml"
                                : "document types: " + join(names, ", "));
  }
  if (spec.title.empty()) {
    throw OpError("the title is empty");
  }
  if (std::any_of(spec.title.begin(), spec.title.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    throw OpError("the title holds a line break or a control character; give it on one line");
  }
  if (!spec.owner.empty() && !ws.config.person(spec.owner)) {
    throw OpError(fmt::format("unknown person {}{}", quote(spec.owner), did_you_mean(spec.owner, person_ids(ws))),
                  "owners are keys of people: in pops.yaml");
  }
  const bool needs_owner =
    std::any_of(type->required.begin(), type->required.end(), [](const LStr& r) { return r.value == "owner"; });
  if (needs_owner && spec.owner.empty()) {
    throw OpError(fmt::format("{} documents require an owner; give --owner PERSON", quote(type->name.value)));
  }
  if (std::find(k_doc_statuses.begin(), k_doc_statuses.end(), spec.status) == k_doc_statuses.end()) {
    throw OpError(
      fmt::format("unknown document status {}; expected one of draft, review, approved, obsolete", quote(spec.status)));
  }
  for (const auto& id : spec.items) {
    if (!ws.item(id)) {
      throw OpError(fmt::format("unknown item {}{}", quote(id), did_you_mean(id, item_ids(ws))));
    }
  }
  const std::string slug = slugify(spec.title);
  if (slug.empty()) {
    throw OpError(fmt::format("cannot make a file name from the title {}; use letters or digits", quote(spec.title)));
  }
  const std::string dir = doc_dir(*type);
  if (!dir.starts_with("docs/") || dir.find("..") != std::string::npos) {
    throw OpError(fmt::format("the folder of {} documents, {}, is not under docs/; pops reads documents only there",
                              quote(type->name.value), quote(dir)),
                  "set docs.types." + type->name.value + ".dir in pops.yaml to a folder under docs/");
  }
  const std::string path = dir + "/" + slug + ".md";
  std::error_code ec;
  if (s.files.count(path) || fs::exists(fs::symlink_status(fs::path(s.root) / path, ec))) {
    throw OpError(fmt::format("{} exists already; pops never overwrites a document", quote(path)),
                  "choose another title, or edit the file");
  }
  EditPlan plan;
  plan.id = path;
  plan.changes.push_back({path, "", render_doc(s.root, ws, *type, spec, today), true});
  plan.summary = fmt::format("created {}", path);
  plan.message = fmt::format("Add {} {}", type->name.value, quote(spec.title));
  refresh_doc_index(s, plan);
  return plan;
}

std::optional<Date> review_due(const Workspace& ws, const Doc& d, Date)
{
  const DocType* t = d.type.set ? ws.config.doc_type(d.type.value) : nullptr;
  if (!t || !t->review_every.set || d.status.value == "obsolete") {
    return std::nullopt;
  }
  const Cadence& every = t->review_every.value;
  if (d.reviewed.set) {
    return add_period(d.reviewed.value, every.every, every.unit);
  }
  if (d.created.set) {
    return add_period(d.created.value, every.every, every.unit);
  }
  return std::nullopt;
}

std::vector<DocRow> list_docs(const Workspace& ws, const DocFilter& f, Date today)
{
  std::vector<DocRow> out;
  for (const auto& d : ws.docs) {
    if (!f.type.empty() && d.type.value != f.type) {
      continue;
    }
    if (!f.status.empty() && d.status.value != f.status) {
      continue;
    }
    if (!f.item.empty()
        && std::none_of(d.items.begin(), d.items.end(), [&](const LStr& i) { return i.value == f.item; })) {
      continue;
    }
    DocRow row;
    row.doc = &d;
    row.review_due = review_due(ws, d, today);
    const DocType* t = d.type.set ? ws.config.doc_type(d.type.value) : nullptr;
    const bool reviewed_type = t && t->review_every.set && d.status.value != "obsolete";
    row.stale = reviewed_type && (!row.review_due || *row.review_due < today);
    if (f.stale && !row.stale) {
      continue;
    }
    out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const DocRow& a, const DocRow& b) { return a.doc->file < b.doc->file; });
  return out;
}

EditPlan plan_doc_index(const EditSession& s, bool force)
{
  const std::string path = "docs/README.md";
  if (!s.ws.config.loaded) {
    throw OpError("pops.yaml cannot be read; run 'pops check' to see why");
  }
  const std::string now = render_doc_index(s.ws);
  EditPlan plan;
  plan.id = path;
  auto it = s.files.find(path);
  if (it != s.files.end() && !is_generated_index(it->second) && !force) {
    throw OpError(fmt::format("{} was not written by pops; it would be replaced", quote(path)),
                  "move it elsewhere, or add --force to replace it with the generated index");
  }
  if (it != s.files.end() && it->second == now) {
    plan.summary = fmt::format("{} is up to date", path);
    return plan;
  }
  plan.changes.push_back({path, it == s.files.end() ? std::string() : it->second, now, it == s.files.end()});
  plan.summary = fmt::format("wrote {} ({} document{})", path, s.ws.docs.size(), s.ws.docs.size() == 1 ? "" : "s");
  plan.message = "Update the document index";
  return plan;
}

void refresh_doc_index(const EditSession& s, EditPlan& plan)
{
  const std::string path = "docs/README.md";
  auto cur = s.files.find(path);
  if (cur == s.files.end() || !is_generated_index(cur->second)) {
    return;
  }
  std::vector<SourceFile> files;
  std::map<std::string, const FileChange*> changed;
  for (const auto& c : plan.changes) {
    changed[c.path] = &c;
  }
  for (const auto& [p, content] : s.files) {
    auto it = changed.find(p);
    files.push_back({p, it == changed.end() ? content : it->second->after});
  }
  for (const auto& c : plan.changes) {
    if (!s.files.count(c.path)) {
      files.push_back({c.path, c.after});
    }
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  const Workspace after = load_workspace(s.root, std::move(files), 1);
  const std::string now = render_doc_index(after);
  if (now != cur->second) {
    plan.changes.push_back({path, cur->second, now, false});
    plan.summary += fmt::format(" and updated {}", path);
  }
}

}  // namespace pops
