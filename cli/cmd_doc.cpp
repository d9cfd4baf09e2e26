// pops doc new|list|index: typed documents from templates, a filtered list, and the generated index.

#include "commands.h"
#include "edit_runner.h"
#include "complete.h"

#include "base/date.h"
#include "features/docs.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <nlohmann/json.hpp>

namespace pops::cli {

namespace {

struct DocOpts {
  EditOptions edit;
  DocSpec spec;
  DocFilter filter;
  std::string format = "text";
  bool force = false;
};

std::string fit(const std::string& s, size_t width)
{
  if (s.size() <= width) {
    return s + std::string(width - s.size(), ' ');
  }
  return s.substr(0, width > 3 ? width - 3 : width) + "...";
}

int run_list(Context& ctx, const DocOpts& o)
{
  const Workspace ws = load_worktree(ctx.workspace);
  const Date day = today();
  if (!o.filter.type.empty() && !ws.config.doc_type(o.filter.type)) {
    std::vector<std::string> names;
    for (const auto& t : ws.config.doc_types) {
      names.push_back(t.name.value);
    }
    error(ctx.err,
          fmt::format("unknown document type '{}'{}", printable(o.filter.type), did_you_mean(o.filter.type, names)));
    return k_exit_usage;
  }
  if (!o.filter.item.empty() && !ws.item(o.filter.item)) {
    std::vector<std::string> ids;
    for (const auto& it : ws.items) {
      ids.push_back(it.id.value);
    }
    error(ctx.err, fmt::format("unknown item '{}'{}", printable(o.filter.item), did_you_mean(o.filter.item, ids)));
    return k_exit_usage;
  }
  const auto rows = list_docs(ws, o.filter, day);
  auto items_of = [](const Doc& d) {
    std::vector<std::string> v;
    for (const auto& i : d.items) {
      v.push_back(i.value);
    }
    return v;
  };
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    auto opt = [](const Located<Date>& d) {
      return d.set ? nlohmann::ordered_json(format_date(d.value)) : nlohmann::ordered_json();
    };
    auto str = [](const LStr& s) { return s.set ? nlohmann::ordered_json(s.value) : nlohmann::ordered_json(); };
    for (const auto& r : rows) {
      const Doc& d = *r.doc;
      j.push_back(
        {{"file", d.file},
         {"title", str(d.title)},
         {"type", str(d.type)},
         {"status", str(d.status)},
         {"owner", str(d.owner)},
         {"items", items_of(d)},
         {"created", opt(d.created)},
         {"reviewed", opt(d.reviewed)},
         {"review_due", r.review_due ? nlohmann::ordered_json(format_date(*r.review_due)) : nlohmann::ordered_json()},
         {"stale", r.stale}});
    }
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  size_t w = 8;
  for (const auto& r : rows) {
    w = std::max(w, r.doc->file.size());
  }
  w = std::min<size_t>(w, 48);
  for (const auto& r : rows) {
    const Doc& d = *r.doc;
    std::string review;
    if (r.stale) {
      review = ctx.out.paint(Color::yellow,
                             r.review_due ? "stale since " + format_date(*r.review_due) : "stale (never reviewed)");
    } else if (r.review_due) {
      review = "review by " + format_date(*r.review_due);
    }
    ctx.out.write(fmt::format("{}  {}  {}  {}  {}  {}\n", fit(d.file, w), fit(printable(d.type.value), 16),
                              fit(d.status.value, 8), fit(printable(d.owner.value), 10),
                              fit(join(items_of(d), ","), 16), review));
  }
  if (!ctx.quiet && rows.empty()) {
    ctx.err.write("no documents match\n");
  }
  return k_exit_ok;
}

}  // namespace

void setup_doc(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<DocOpts>();

  CLI::App* add = app.add_subcommand("new", "Write a new document of a type from its template; prints its path");
  add->add_option("type", o->spec.type, "Document type, a key of docs.types in pops.yaml")
    ->required()
    ->check(completes(Values::doc_types));
  add->add_option("title", o->spec.title, "Title; the file name is made from it")->required();
  add->add_option("--item", o->spec.items, "A roadmap item it covers (repeat, or a,b)")
    ->allow_extra_args(false)
    ->option_text("ID")
    ->check(completes(Values::items));
  add->add_option("--owner", o->spec.owner, "Owner (a person id)")->check(completes(Values::people));
  add->add_option("--status", o->spec.status, "Status (default draft)")
    ->check(CLI::IsMember({"draft", "review", "approved", "obsolete"}));
  add_edit_options(*add, o->edit);

  CLI::App* list = app.add_subcommand("list", "List documents with their status, owner, items and review date");
  list->add_option("--type", o->filter.type, "Only documents of this type")->check(completes(Values::doc_types));
  list->add_option("--status", o->filter.status, "Only documents with this status")
    ->check(CLI::IsMember({"draft", "review", "approved", "obsolete"}));
  list->add_flag("--stale", o->filter.stale, "Only documents due for review (as the doc-stale rule sees them)");
  list->add_option("--item", o->filter.item, "Only documents that list this item")
    ->option_text("ID")
    ->check(completes(Values::items));
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");

  CLI::App* index = app.add_subcommand("index", "Write docs/README.md: every document by type and status");
  index->add_flag("--force", o->force, "Replace a docs/README.md that pops did not write");
  index->add_flag("-n,--dry-run", o->edit.dry_run, "Print the change as a unified diff; write nothing");
  index->add_flag("--commit", o->edit.commit, "Commit docs/README.md with your git identity");
  index->add_option("-m,--message", o->edit.message, "Commit message for --commit")->option_text("MSG");
  index->add_flag("--no-verify", o->edit.no_verify, "With --commit: skip the pre-commit and commit-msg hooks");

  app.footer("pops doc new never overwrites a file. When docs/README.md was written by 'pops doc index', pops doc\n"
             "new keeps it current, and 'pops check' reports doc-index-stale when it falls behind.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");

  run = [o, add, list](Context& ctx) {
    if (add->parsed()) {
      return run_edit(ctx, o->edit, false, true,
                      [o](const EditSession& s, const UsedIds&) { return plan_doc_new(s, o->spec, today()); });
    }
    if (list->parsed()) {
      return run_list(ctx, *o);
    }
    return run_edit(ctx, o->edit, false, false,
                    [o](const EditSession& s, const UsedIds&) { return plan_doc_index(s, o->force); });
  };
}

}  // namespace pops::cli
